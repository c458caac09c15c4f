package de.ratsweg.engine.tenancy;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Gives every instance of a shared process the municipality of the user who starts it. A
 * called process belongs to the municipality of its caller; a decision evaluated by a
 * process to that of the process.
 *
 * <p>
 * A user who belongs to no municipality or to several cannot start a process: the
 * instance would otherwise be visible to every municipality (no tenant) or land in one
 * the user did not choose. Starts without a logged-in user (the engine itself, e.g. a
 * timer start event) stay without tenant.
 */
public class StartingUserTenant implements TenantIdProvider {

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		return callerOrStartingUser(context.getSuperExecution());
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return callerOrStartingUser(context.getSuperExecution());
	}

	private static String callerOrStartingUser(DelegateExecution caller) {
		return (caller != null) ? caller.getTenantId() : tenantOfCurrentUser();
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		DelegateExecution execution = context.getExecution();
		if (execution != null) {
			return execution.getTenantId();
		}
		// A shared table evaluated on its own (e.g. by an administrator in Cockpit or
		// over REST): its history belongs to the user's municipality if there is exactly
		// one, else to none. Never refused: nothing is started.
		Authentication authentication = currentAuthentication();
		List<String> tenantIds = (authentication != null) ? authentication.getTenantIds() : null;
		return (tenantIds != null && tenantIds.size() == 1) ? tenantIds.get(0) : null;
	}

	private static Authentication currentAuthentication() {
		CommandContext commandContext = Context.getCommandContext();
		return (commandContext != null) ? commandContext.getAuthentication() : null;
	}

	private static String tenantOfCurrentUser() {
		Authentication authentication = currentAuthentication();
		if (authentication == null) {
			return null;
		}
		List<String> tenantIds = authentication.getTenantIds();
		if (tenantIds == null || tenantIds.isEmpty()) {
			throw new BadUserRequestException("Sie gehören zu keiner Stadt. Vorgänge starten nur Mitarbeitende "
					+ "einer Stadt; bitte wenden Sie sich an die Administration.");
		}
		if (tenantIds.size() > 1) {
			throw new BadUserRequestException("Sie gehören zu mehreren Städten (" + String.join(", ", tenantIds)
					+ "), daher ist nicht klar, für welche Stadt der Vorgang gestartet werden soll. "
					+ "Bitte wenden Sie sich an die Administration.");
		}
		return tenantIds.get(0);
	}

}
