package de.ratsweg.project;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;

/**
 * Gives every project started without a business key its project number
 * ({@link ProjectNumbers}); a key given at the start (e.g. by an import) is kept. Built
 * in: a model cannot leave it out.
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
		if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
			execution.setProcessBusinessKey(this.numbers.getObject().next(execution.getTenantId(), Dates.today()));
		}
	}

}
