package de.ratsweg.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.engine.TaskInputException;
import de.ratsweg.forms.FormValues;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.project.SmartCityProject;

import static de.ratsweg.funding.FundingApplication.*;

/**
 * The steps of the funding application: the call deadline, the financing plan's
 * arithmetic, the funding notice (typed in or delivered by message) and the outcome.
 */
@Component("fundingApplication")
public class FundingSteps {

	private static final Logger log = LoggerFactory.getLogger(FundingSteps.class);

	private static final BigDecimal CENT = new BigDecimal("0.01");

	/**
	 * A new attempt (also after another financing was chosen): nothing of the last one
	 * counts, neither its signature nor its notice nor its reasons.
	 */
	public void startRound(DelegateExecution execution) {
		ProcessRecords.forget(execution, PROGRAMME, CALL_DEADLINE, CALL_DEADLINE_END, ELIGIBLE_COST, REQUESTED_AMOUNT,
				OWN_SHARE, FINANCING_PLAN, OWN_SHARE_SECURED, TREASURY_STATEMENT_TEXT, APPLICATION_SIGNED, SUBMITTED_ON,
				APPLICATION_REFERENCE, RESULT, NOTICE_DATE, GRANTED_AMOUNT, PERIOD_START, PERIOD_END, NOTICE_REMARKS,
				NOTICE_REMINDERS, FAILURE_REASON, PARTIAL_FUNDING_DECISION, PARTIAL_FUNDING_REMARKS, NEXT_STEP,
				NEXT_STEP_REMARKS, SmartCityProject.FUNDING_OUTCOME);
	}

	/**
	 * The attempt ends when the call deadline's day is over.
	 */
	public void selectProgramme(DelegateTask task) {
		LocalDate deadline = Dates.day(task.getVariable(CALL_DEADLINE));
		if (deadline == null) {
			throw new TaskInputException("Bitte geben Sie die Einreichungsfrist an.");
		}
		task.getExecution().setVariable(CALL_DEADLINE_END, Dates.endOf(deadline));
	}

	/**
	 * Requested funding and own share must add up to the eligible cost.
	 */
	public void checkFinancingPlan(DelegateTask task) {
		BigDecimal eligible = amount(task, ELIGIBLE_COST);
		BigDecimal requested = amount(task, REQUESTED_AMOUNT);
		BigDecimal ownShare = amount(task, OWN_SHARE);
		if (eligible == null || requested == null || ownShare == null) {
			return; // the form's own check reports what is missing
		}
		if (requested.add(ownShare).subtract(eligible).abs().compareTo(CENT) >= 0) {
			throw new TaskInputException(
					"Beantragte Förderung (%s EUR) und Eigenanteil (%s EUR) ergeben nicht die zuwendungsfähigen Ausgaben (%s EUR)."
						.formatted(euro(requested), euro(ownShare), euro(eligible)));
		}
	}

	public void remindNotice(DelegateExecution execution) {
		execution.setVariable(NOTICE_REMINDERS, Dates.number(execution.getVariable(NOTICE_REMINDERS), 0) + 1);
		log.info("Funding notice for process instance {} still outstanding (application {})",
				execution.getProcessInstanceId(), execution.getVariable(APPLICATION_REFERENCE));
	}

	/**
	 * The funding notice, whether typed in or delivered by
	 * {@value FundingApplication#MESSAGE_FUNDING_DECISION}: checked here, because a
	 * message bypasses the form.
	 */
	public void registerNotice(DelegateExecution execution) {
		List<String> problems = new ArrayList<>();
		Object result = execution.getVariable(RESULT);
		if (!List.of(GRANTED, PARTIALLY_GRANTED, REJECTED).contains(result)) {
			problems.add("Der Bescheid muss „bewilligt“, „teilweise bewilligt“ oder „abgelehnt“ lauten, nicht „%s“."
				.formatted(result));
		}
		else if (!REJECTED.equals(result)) {
			BigDecimal granted = amount(execution, GRANTED_AMOUNT);
			if (granted == null || granted.signum() <= 0) {
				problems.add("Zu einer Bewilligung gehört ein bewilligter Betrag über 0 EUR.");
			}
			LocalDate start = Dates.day(execution.getVariable(PERIOD_START));
			LocalDate end = Dates.day(execution.getVariable(PERIOD_END));
			if (start == null || end == null) {
				problems.add("Zu einer Bewilligung gehört der Bewilligungszeitraum (von, bis).");
			}
			else if (end.isBefore(start)) {
				problems.add("Der Bewilligungszeitraum endet vor seinem Beginn.");
			}
		}
		if (!problems.isEmpty()) {
			throw new TaskInputException(problems);
		}
		if (REJECTED.equals(result)) {
			execution.setVariable(FAILURE_REASON, "Der Förderantrag wurde abgelehnt.");
		}
	}

	/**
	 * When the call deadline passes before the application was submitted.
	 */
	public void deadlineMissed(DelegateExecution execution) {
		execution.setVariable(FAILURE_REASON,
				"Die Einreichungsfrist (" + Dates.german(Dates.day(execution.getVariable(CALL_DEADLINE)))
						+ ") ist abgelaufen, bevor der Antrag eingereicht war.");
	}

	public void finish(DelegateExecution execution, String outcome) {
		execution.setVariable(SmartCityProject.FUNDING_OUTCOME, outcome);
	}

	private static BigDecimal amount(VariableScope scope, String name) {
		return FormValues.number(scope.getVariable(name));
	}

	private static String euro(BigDecimal amount) {
		return String.format(java.util.Locale.GERMANY, "%,.2f", amount);
	}

}
