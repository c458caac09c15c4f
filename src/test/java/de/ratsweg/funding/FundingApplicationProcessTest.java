package de.ratsweg.funding;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.engine.TaskInputException;

import static de.ratsweg.funding.FundingApplication.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * "Förderantrag": programme and call deadline, application with the treasury's statement
 * and a signature, submitted before the deadline; then the funding notice decides.
 */
class FundingApplicationProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, PROCESS_KEY + ".bpmn")
		.withBean("fundingApplication", new FundingSteps());

	private static final String BUSINESS_KEY = "soest-2026-001";

	@Test
	void anApplicationSubmittedInTimeAndGrantedEndsWithTheFunding() {
		ProcessInstance funding = startFunding();

		submitApplication(funding);
		assertThat(task(funding)).hasCandidateGroup("sachbearbeitung")
			.hasName("Zuwendungsbescheid erfassen – „Smarte Straßenbeleuchtung“");
		complete(task(funding), withVariables(RESULT, GRANTED, NOTICE_DATE, LocalDate.now().toString(), GRANTED_AMOUNT,
				180000, PERIOD_START, "2027-01-01", PERIOD_END, "2028-12-31"));

		assertThat(funding).isEnded()
			.hasPassed("ServiceTask_RegisterFundingNotice", END_GRANTED)
			.variables()
			.containsEntry("fundingOutcome", OUTCOME_GRANTED);
	}

	@Test
	void aNewAttemptStartsWithoutTheLastSignatureNoticeAndReasons() {
		ProcessInstance funding = runtimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY,
				ProjectIdeas.smartStreetLighting(Map.of("applicationSigned", true, RESULT, REJECTED,
						"nextFundingStepRemarks", "Aus Haushaltsmitteln 2027", OWN_SHARE_SECURED, true)));

		assertThat(funding).isWaitingAt(SELECT_PROGRAMME)
			.variables()
			.containsEntry("applicationSigned", null)
			.containsEntry(RESULT, null)
			.containsEntry("nextFundingStepRemarks", null)
			.containsEntry(OWN_SHARE_SECURED, null);
	}

	@Test
	void requestedFundingAndOwnShareMustAddUpToTheEligibleCost() {
		ProcessInstance funding = startFunding();
		selectProgramme(funding);
		Task prepare = task(funding);

		assertThatThrownBy(() -> complete(prepare,
				withVariables(ELIGIBLE_COST, 240000, REQUESTED_AMOUNT, 180000, OWN_SHARE, 50000, "financingPlan",
						"Förderquote 75 %")))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("ergeben nicht die zuwendungsfähigen Ausgaben (240.000,00 EUR)");
		assertThat(taskQuery().taskId(prepare.getId()).count()).isEqualTo(1);
	}

	@Test
	void withoutASecuredOwnShareTheApplicationIsReworked() {
		ProcessInstance funding = startFunding();
		selectProgramme(funding);
		prepare(funding);

		complete(task(funding), withVariables(OWN_SHARE_SECURED, false, "treasuryStatement", "Eigenanteil erst 2028"));

		assertThat(funding).isWaitingAt(PREPARE);
	}

	@Test
	void whenTheCallDeadlinePassesTheBoardChoosesAnotherFinancing() {
		ProcessInstance funding = startFunding();
		selectProgramme(funding);

		execute(job(CALL_DEADLINE_TIMER, funding));

		assertThat(funding).isWaitingAt(DECIDE_NEXT_STEP);
		assertThat(task(funding)).hasCandidateGroup("verwaltungsvorstand");
		assertThat((String) runtimeService().getVariable(funding.getId(), FAILURE_REASON))
			.startsWith("Die Einreichungsfrist (");
		complete(task(funding), withVariables(NEXT_STEP, "otherFinancing", "preferredFinancing", "budget",
				"nextFundingStepRemarks", "Aus Haushaltsmitteln 2027"));
		assertThat(funding).isEnded()
			.hasPassed(END_OTHER_FINANCING)
			.variables()
			.containsEntry("fundingOutcome", OUTCOME_NEW_ROUTE)
			.containsEntry("preferredFinancing", "budget");
	}

	@Test
	void aRejectedApplicationCanEndTheProject() {
		ProcessInstance funding = startFunding();
		submitApplication(funding);

		complete(task(funding), withVariables(RESULT, REJECTED, NOTICE_DATE, LocalDate.now().toString()));
		assertThat(funding).isWaitingAt(DECIDE_NEXT_STEP)
			.variables()
			.containsEntry(FAILURE_REASON, "Der Förderantrag wurde abgelehnt.");
		complete(task(funding),
				withVariables(NEXT_STEP, "stop", "nextFundingStepRemarks", "Ohne Förderung nicht leistbar"));

		assertThat(funding).isEnded()
			.hasPassed(END_GIVEN_UP)
			.variables()
			.containsEntry("fundingOutcome", OUTCOME_STOPPED);
	}

	@Test
	void aNoticeDeliveredByMessageReplacesTheManualTaskAndAPartialGrantGoesToTheBoard() {
		ProcessInstance funding = startFunding();
		submitApplication(funding);

		runtimeService().createMessageCorrelation(MESSAGE_FUNDING_DECISION)
			.processInstanceBusinessKey(BUSINESS_KEY)
			.setVariable(RESULT, PARTIALLY_GRANTED)
			.setVariable(GRANTED_AMOUNT, 120000)
			.setVariable(PERIOD_START, "2027-01-01")
			.setVariable(PERIOD_END, "2027-12-31")
			.correlate();

		assertThat(funding).hasPassed(NOTICE_RECEIVED).isWaitingAt(DECIDE_ON_PARTIAL_FUNDING);
		complete(task(funding), withVariables(PARTIAL_FUNDING_DECISION, "continue", "partialFundingRemarks",
				"Mit zwei Straßen starten"));
		assertThat(funding).isEnded()
			.hasPassed(END_GRANTED)
			.variables()
			.containsEntry("fundingOutcome", OUTCOME_GRANTED);
	}

	@Test
	void theBoardMayStopAfterAPartialGrant() {
		ProcessInstance funding = startFunding();
		submitApplication(funding);
		complete(task(funding), withVariables(RESULT, PARTIALLY_GRANTED, NOTICE_DATE, LocalDate.now().toString(),
				GRANTED_AMOUNT, 20000, PERIOD_START, "2027-01-01", PERIOD_END, "2027-12-31"));

		complete(task(funding),
				withVariables(PARTIAL_FUNDING_DECISION, "stop", "partialFundingRemarks", "Zu wenig für den Pilot"));

		assertThat(funding).isEnded()
			.hasPassed(END_PARTIAL_DECLINED)
			.variables()
			.containsEntry("fundingOutcome", OUTCOME_STOPPED);
	}

	@Test
	void aMessageWithAnIncompleteNoticeIsRefusedAndTheProcessKeepsWaiting() {
		ProcessInstance funding = startFunding();
		submitApplication(funding);

		assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_FUNDING_DECISION)
			.processInstanceBusinessKey(BUSINESS_KEY)
			.setVariable(RESULT, GRANTED)
			.correlate()).isInstanceOf(TaskInputException.class)
			.hasMessageContaining("bewilligter Betrag")
			.hasMessageContaining("Bewilligungszeitraum");

		assertThat(funding).isWaitingAt(RECORD_NOTICE);
	}

	@Test
	void everySixWeeksWithoutANoticeSomebodyIsReminded() {
		ProcessInstance funding = startFunding();
		submitApplication(funding);

		execute(job(NOTICE_REMINDER_TIMER, funding));

		assertThat(funding).hasPassed("ServiceTask_RemindFundingNotice", "EndEvent_NoticeReminderSent")
			.isWaitingAt(RECORD_NOTICE)
			.variables()
			.containsEntry(NOTICE_REMINDERS, 1);
		assertThat(jobQuery().processInstanceId(funding.getId()).activityId(NOTICE_REMINDER_TIMER).count())
			.as("the next reminder is scheduled")
			.isEqualTo(1);
	}

	private ProcessInstance startFunding() {
		ProcessInstance funding = runtimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY,
				ProjectIdeas.smartStreetLighting());
		assertThat(funding).isWaitingAt(SELECT_PROGRAMME);
		return funding;
	}

	private static void selectProgramme(ProcessInstance funding) {
		complete(task(funding), withVariables(PROGRAMME, "Modellprojekte Smart Cities", CALL_DEADLINE,
				LocalDate.now().plusDays(30).toString()));
		assertThat(funding).isWaitingAt(PREPARE);
	}

	private static void prepare(ProcessInstance funding) {
		complete(task(funding), withVariables(ELIGIBLE_COST, 240000, REQUESTED_AMOUNT, 180000, OWN_SHARE, 60000,
				"financingPlan", "Förderquote 75 %, Eigenanteil aus dem Budget Stadtentwicklung"));
		assertThat(funding).isWaitingAt(TREASURY_STATEMENT);
	}

	private static void submitApplication(ProcessInstance funding) {
		selectProgramme(funding);
		prepare(funding);
		complete(task(funding), withVariables(OWN_SHARE_SECURED, true, "treasuryStatement",
				"Eigenanteil im Haushalt 2027 veranschlagt"));
		assertThat(funding).isWaitingAt(SIGN);
		assertThat(task(funding)).hasCandidateGroup("buergermeister").hasCandidateGroup("cdo");
		complete(task(funding), withVariables("applicationSigned", true));
		complete(task(funding),
				withVariables("submittedOn", LocalDate.now().toString(), "applicationReference", "SC-2026-4711"));
		assertThat(funding).hasPassed("EndEvent_ApplicationSubmitted").isWaitingAt(RECORD_NOTICE);
	}

}
