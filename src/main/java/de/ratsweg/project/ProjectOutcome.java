package de.ratsweg.project;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;

/**
 * Records how a project ended and why, at each end event of the main process:
 * {@code ${projectOutcome.end(execution, 'rejectedByBoard')}}.
 */
@Component("projectOutcome")
public class ProjectOutcome {

	public void end(DelegateExecution execution, String outcome) {
		execution.setVariable(SmartCityProject.PROJECT_OUTCOME, outcome);
		execution.setVariable("projectEndedAt", EngineClock.now());
		Object reason = switch (outcome) {
			case "rejectedByBoard" -> execution.getVariable(SmartCityProject.BOARD_REMARKS);
			case "rejectedByCommittee" -> execution.getVariable("resolutionText");
			case "stoppedAfterFunding" -> firstPresent(execution, "nextFundingStepRemarks", "partialFundingRemarks");
			default -> null;
		};
		if (reason != null) {
			execution.setVariable(SmartCityProject.OUTCOME_REASON, reason);
		}
	}

	private static Object firstPresent(DelegateExecution execution, String... names) {
		for (String name : names) {
			Object value = execution.getVariable(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
