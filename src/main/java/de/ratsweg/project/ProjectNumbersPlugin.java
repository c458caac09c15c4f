package de.ratsweg.project;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;

/**
 * Gives every project started without a business key its project number
 * ({@link ProjectNumbers}); a key given at the start (e.g. by an import) is kept unless
 * another project has it already, so that a number always names one project. Built in: a
 * model cannot leave it out.
 */
@Component
class ProjectNumbersPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<ProjectNumbers> numbers;

	ProjectNumbersPlugin(ObjectProvider<ProjectNumbers> numbers) {
		this.numbers = numbers;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ExecutionListener assignNumber = this::assignNumber;
		EngineExtensions.addParseListener(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element element, ProcessDefinitionEntity process) {
				if (SmartCityProject.PROCESS_KEY.equals(process.getKey())) {
					process.addBuiltInListener(ExecutionListener.EVENTNAME_START, assignNumber);
				}
			}
		});
	}

	private void assignNumber(DelegateExecution execution) {
		String given = execution.getProcessBusinessKey();
		if (given == null || given.isBlank()) {
			execution.setProcessBusinessKey(this.numbers.getObject().next(execution.getTenantId(), Dates.today()));
		}
		else if (usedByAnotherProject(execution, given.trim())) {
			throw new BadUserRequestException("Die Vorgangsnummer „" + given.trim() + "“ ist schon vergeben. Bitte "
					+ "lassen Sie das Feld leer; Ratsweg vergibt die Nummer selbst.");
		}
	}

	/** Whether another project, in any municipality, has the number already. */
	private static boolean usedByAnotherProject(DelegateExecution execution, String businessKey) {
		CommandContext context = Context.getCommandContext();
		boolean tenantCheck = context.isTenantCheckEnabled();
		context.disableTenantCheck();
		try {
			return context.runWithoutAuthorization(() -> execution.getProcessEngineServices()
				.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(SmartCityProject.PROCESS_KEY)
				.processInstanceBusinessKey(businessKey)
				.unlimitedList()
				.stream()
				.anyMatch((project) -> project.getSuperProcessInstanceId() == null
						&& !project.getId().equals(execution.getProcessInstanceId())));
		}
		finally {
			if (tenantCheck) {
				context.enableTenantCheck();
			}
		}
	}

}
