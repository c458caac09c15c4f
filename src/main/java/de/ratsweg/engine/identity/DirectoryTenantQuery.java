package de.ratsweg.engine.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Tenants as the directory provider answers them: the configured municipalities. */
class DirectoryTenantQuery extends TenantQueryImpl {

	private static final long serialVersionUID = 1L;

	DirectoryTenantQuery() {
	}

	DirectoryTenantQuery(CommandExecutor commandExecutor) {
		super(commandExecutor);
	}

	@Override
	public long executeCount(CommandContext commandContext) {
		return provider(commandContext).findTenants(this).size();
	}

	@Override
	public List<Tenant> executeList(CommandContext commandContext, Page page) {
		return provider(commandContext).findTenants(this);
	}

	private static DirectoryIdentityProvider provider(CommandContext commandContext) {
		return (DirectoryIdentityProvider) commandContext.getReadOnlyIdentityProvider();
	}

}
