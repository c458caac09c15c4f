package de.ratsweg.engine.tenancy;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Lets a municipality without a decision table of its own use the shared one. A business
 * rule task with {@code camunda:decisionRefTenantId="${execution.tenantId}"} evaluates
 * the table deployed for the instance's municipality (from {@code processes/<tenant>/});
 * when that municipality has none, the engine would fail, so the tenant is left out and
 * the table deployed without tenant (the top level of {@code processes/}) applies.
 */
public class TenantDecisionFallback extends AbstractBpmnParseListener {

	private static final Field CALLABLE_ELEMENT = callableElementField();

	@Override
	public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		if (!(activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior behavior)) {
			return;
		}
		BaseCallableElement callableElement = callableElementOf(behavior);
		ParameterValueProvider tenantId = callableElement.getTenantIdProvider();
		if (tenantId != null) {
			callableElement.setTenantIdProvider(new SharedWhenMissing(callableElement, tenantId));
		}
	}

	private static BaseCallableElement callableElementOf(DmnBusinessRuleTaskActivityBehavior behavior) {
		try {
			return (BaseCallableElement) CALLABLE_ELEMENT.get(behavior);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read the decision reference of a business rule task", ex);
		}
	}

	private static Field callableElementField() {
		try {
			Field field = DmnBusinessRuleTaskActivityBehavior.class.getDeclaredField("callableElement");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			// A Camunda upgrade changed the class: fail at start-up, not on the first
			// project.
			throw new IllegalStateException("This Camunda version is not supported by Ratsweg's tenant decisions", ex);
		}
	}

	/**
	 * Whose table with that key applies to the municipality: its own (the municipality),
	 * or the shared one (null) when its latest deployment has none. Runs inside the
	 * engine's command, e.g. in a delegate.
	 */
	public static String tableTenant(String decisionKey, String tenant) {
		CommandContext commandContext = Context.getCommandContext();
		DecisionDefinitionEntity own = commandContext.getDecisionDefinitionManager()
			.findLatestDecisionDefinitionByKeyAndTenantId(decisionKey, tenant);
		return (own != null
				&& own.getDeploymentId().equals(SharedWhenMissing.latestDeploymentId(commandContext, tenant))) ? tenant
						: null;
	}

	/**
	 * The tenant the model asks for, or none when no decision with that key is deployed
	 * for it.
	 */
	private record SharedWhenMissing(BaseCallableElement callableElement,
			ParameterValueProvider tenantId) implements ParameterValueProvider {

		@Override
		public Object getValue(VariableScope scope) {
			Object value = this.tenantId.getValue(scope);
			if (value == null) {
				return null;
			}
			return tableTenant(this.callableElement.getDefinitionKey(scope), value.toString());
		}

		/**
		 * The municipality's tables are what its latest deployment holds: a table removed
		 * from {@code processes/<tenant>/} is not in it, and the shared table applies
		 * again.
		 */
		private static String latestDeploymentId(CommandContext commandContext, String tenant) {
			return commandContext.runWithoutAuthorization(() -> {
				boolean tenantCheck = commandContext.isTenantCheckEnabled();
				commandContext.disableTenantCheck();
				try {
					DeploymentQueryImpl query = new DeploymentQueryImpl();
					query.tenantIdIn(tenant).orderByDeploymentTime().desc();
					List<Deployment> latest = commandContext.getDeploymentManager()
						.findDeploymentsByQueryCriteria(query, new Page(0, 1));
					return latest.isEmpty() ? null : latest.get(0).getId();
				}
				finally {
					commandContext.setTenantCheckEnabled(tenantCheck);
				}
			});
		}

		@Override
		public boolean isDynamic() {
			return true;
		}

	}

}
