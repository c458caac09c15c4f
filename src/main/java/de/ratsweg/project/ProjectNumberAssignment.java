package de.ratsweg.project;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.beans.factory.ObjectProvider;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.kernel.Dates;

/**
 * Gives every project started without a business key its project number
 * ({@link ProjectNumbers}); a key given at the start (e.g. by an import) is kept unless
 * another project has it already, so that a number always names one project. Built into
 * the start of every project ({@code engine/plugin/RatswegEnginePlugin}): a model cannot
 * leave it out.
 */
public class ProjectNumberAssignment implements ExecutionListener {

	private final ObjectProvider<ProjectNumbers> numbers;

	/**
	 * @param numbers looked up when the first project starts (they need the engine)
	 */
	public ProjectNumberAssignment(ObjectProvider<ProjectNumbers> numbers) {
		this.numbers = numbers;
	}

	@Override
	public void notify(DelegateExecution execution) {
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
		return EngineExtensions.withoutChecks(() -> execution.getProcessEngineServices()
			.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.unlimitedList()
			.stream()
			.anyMatch((project) -> project.getSuperProcessInstanceId() == null
					&& !project.getId().equals(execution.getProcessInstanceId())));
	}

}
