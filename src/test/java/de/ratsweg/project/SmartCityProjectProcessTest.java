package de.ratsweg.project;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.board.BoardApproval;
import de.ratsweg.committee.CommitteeResolution;
import de.ratsweg.cosigning.DepartmentCoSigning;
import de.ratsweg.engine.TaskInputException;
import de.ratsweg.funding.FundingApplication;

import static de.ratsweg.project.SmartCityProject.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * "Smart-City-Vorhaben", the story of a project from the idea to the project
 * organisation. The big steps are called processes; here they are stand-ins that hand
 * back each outcome (their own tests cover them), the funding route decision table is the
 * real one.
 */
class SmartCityProjectProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, PROCESS_KEY + ".bpmn", "FundingRouteDecision.dmn")
		.withBean("projectOutcome", new ProjectOutcome())
		.withCalledProcessDouble(DepartmentCoSigning.PROCESS_KEY)
		.withCalledProcessDouble(BoardApproval.PROCESS_KEY)
		.withCalledProcessDouble(CommitteeResolution.PROCESS_KEY)
		.withCalledProcessDouble(FundingApplication.PROCESS_KEY);

	@Test
	void anApprovedIdeaWithFundingEndsWithTheProjectOrganisation() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());

		coSigningCompletes(project);
		boardDecides(project, "approved", null);
		assertThat(project).hasPassed(DECIDE_FUNDING_ROUTE)
			.variables()
			.containsEntry(FUNDING_ROUTE, "fundingProgramme");
		committeesResolve(project, "passed");
		fundingEnds(project, "granted", Map.of());

		assertThat(project).isWaitingAt(SET_UP_ORGANISATION);
		assertThat(task(project)).hasCandidateGroup("fb-stadtentwicklung")
			.hasName("Projektorganisation aufsetzen – „Smarte Straßenbeleuchtung“");
		complete(task(project), withVariables("projectLead", "Jana Vogt", "workLevelStaffed", true, "jobPostingNeeded",
				false, "kickOffDate", java.time.LocalDate.now().plusDays(14).toString()));

		assertThat(project).isEnded()
			.hasPassed(END_ORGANISED)
			.variables()
			.containsEntry(PROJECT_OUTCOME, "organised")
			.containsEntry(INITIATOR, "mmueller");
	}

	@Test
	void whenTheBoardAsksForRevisionStaffReviseTheIdeaAndItGoesRoundAgain() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());
		coSigningCompletes(project);

		boardDecides(project, "revise", "Bitte Datenschutzkonzept ergänzen");

		assertThat(project).isWaitingAt(REVISE_IDEA);
		assertThat(task(project)).hasCandidateGroup("sachbearbeitung");
		complete(task(project), ProjectIdeas.smartStreetLighting(
				Map.of(PERSONAL_DATA, false, "revisionNote", "Kameras entfernt, nur Bewegungsmelder")));
		assertThat(project).isWaitingAt(CO_SIGNING);
		coSigningCompletes(project);
		assertThat(project).isWaitingAt(BOARD_APPROVAL);
	}

	@Test
	void aRejectedIdeaEndsWithTheBoardsReasonAndWithoutCommitteeResolution() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());
		coSigningCompletes(project);

		boardDecides(project, "rejected", "Kein Bedarf in dieser Wahlperiode");

		assertThat(project).isEnded()
			.hasPassed(END_REJECTED_BY_BOARD)
			.hasNotPassed(COMMITTEE_RESOLUTION)
			.variables()
			.containsEntry(PROJECT_OUTCOME, "rejectedByBoard")
			.containsEntry(OUTCOME_REASON, "Kein Bedarf in dieser Wahlperiode");
	}

	@Test
	void whenTheMoneyIsUnclearTheBoardClarifiesTheFinancingAndOwnBudgetNeedsNoFundingApplication() {
		ProcessInstance project = submitIdea(
				ProjectIdeas.smartStreetLighting(Map.of(ESTIMATED_COST, 20000, PREFERRED_FINANCING, "open")));
		coSigningCompletes(project);
		boardDecides(project, "approved", null);

		assertThat(project).isWaitingAt(CLARIFY_FINANCING).variables().containsEntry(FUNDING_ROUTE, "unclear");
		assertThat(task(project)).hasCandidateGroup("verwaltungsvorstand");
		complete(task(project), withVariables(PREFERRED_FINANCING, "budget"));
		assertThat(project).variables().containsEntry(FUNDING_ROUTE, "ownBudget");
		committeesResolve(project, "passed");

		assertThat(project).hasNotPassed(FUNDING_APPLICATION).isWaitingAt(SET_UP_ORGANISATION);
	}

	@Test
	void aProjectRejectedByTheDecidingCommitteeEnds() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());
		coSigningCompletes(project);
		boardDecides(project, "approved", null);

		committeesResolve(project, "rejected");

		assertThat(project).isEnded()
			.hasPassed(END_REJECTED_BY_COMMITTEE)
			.hasNotPassed(FUNDING_APPLICATION)
			.variables()
			.containsEntry(PROJECT_OUTCOME, "rejectedByCommittee");
	}

	@Test
	void afterFailedFundingAnotherFinancingGoesBackToTheCommittees() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());
		coSigningCompletes(project);
		boardDecides(project, "approved", null);
		committeesResolve(project, "passed");

		fundingEnds(project, "newRoute", Map.of(PREFERRED_FINANCING, "budget"));

		assertThat(project).variables().containsEntry(FUNDING_ROUTE, "ownBudget");
		assertThat(project).isWaitingAt(COMMITTEE_RESOLUTION);
		committeesResolve(project, "passed");
		assertThat(project).isWaitingAt(SET_UP_ORGANISATION);
	}

	@Test
	void aProjectStoppedAfterTheFundingNoticeEnds() {
		ProcessInstance project = submitIdea(ProjectIdeas.smartStreetLighting());
		coSigningCompletes(project);
		boardDecides(project, "approved", null);
		committeesResolve(project, "passed");

		fundingEnds(project, "stopped", Map.of("nextFundingStepRemarks", "Ohne Förderung nicht leistbar"));

		assertThat(project).isEnded()
			.hasPassed(END_STOPPED)
			.hasNotPassed(SET_UP_ORGANISATION)
			.variables()
			.containsEntry(PROJECT_OUTCOME, "stoppedAfterFunding")
			.containsEntry(OUTCOME_REASON, "Ohne Förderung nicht leistbar");
	}

	@Test
	void anIdeaWithoutTitleOrWithNegativeCostIsNotStarted() {
		assertThatThrownBy(() -> submitIdea(ProjectIdeas.smartStreetLighting(Map.of(TITLE, " ", ESTIMATED_COST, -5))))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("„Titel des Vorhabens“ fehlt.")
			.hasMessageContaining("„Geschätzte Kosten (EUR)“ darf nicht kleiner als 0 sein.");

		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
	}

	@Test
	void externalConsultingNeedsAReasonAndEveryWorkPackageItsDuration() {
		assertThatThrownBy(() -> submitIdea(
				ProjectIdeas.smartStreetLighting(Map.of(EXTERNAL_CONSULTING, true, WORK_PACKAGES, "Pilotstraße"))))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("„Warum externe Beratung?“ fehlt.")
			.hasMessageContaining("„Arbeitspakete mit geschätzter Dauer“ hat nicht das erwartete Format.");
	}

	private static ProcessInstance submitIdea(Map<String, Object> idea) {
		engine.getProcessEngine()
			.getIdentityService()
			.setAuthentication("mmueller", List.of("sachbearbeitung"), List.of("soest"));
		ProcessInstance project = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "soest-2026-001", idea);
		engine.getProcessEngine().getIdentityService().clearAuthentication();
		assertThat(project).isWaitingAt(CO_SIGNING);
		return project;
	}

	private static void coSigningCompletes(ProcessInstance project) {
		assertThat(project).isWaitingAt(CO_SIGNING);
		completeDouble(project, DepartmentCoSigning.PROCESS_KEY,
				Map.of("coSigningSummary", "- **Kämmerei**: zugestimmt"));
	}

	private static void boardDecides(ProcessInstance project, String decision, String remarks) {
		assertThat(project).isWaitingAt(BOARD_APPROVAL);
		Map<String, Object> outcome = new java.util.HashMap<>();
		outcome.put(BOARD_DECISION, decision);
		outcome.put(BOARD_REMARKS, remarks);
		completeDouble(project, BoardApproval.PROCESS_KEY, outcome);
	}

	private static void committeesResolve(ProcessInstance project, String outcome) {
		assertThat(project).isWaitingAt(COMMITTEE_RESOLUTION);
		completeDouble(project, CommitteeResolution.PROCESS_KEY,
				Map.of(COMMITTEE_OUTCOME, outcome, "resolutionText", "Beschluss: " + outcome, "sessionCount", 4));
	}

	private static void fundingEnds(ProcessInstance project, String outcome, Map<String, Object> more) {
		assertThat(project).isWaitingAt(FUNDING_APPLICATION);
		Map<String, Object> variables = new java.util.HashMap<>(more);
		variables.put(FUNDING_OUTCOME, outcome);
		completeDouble(project, FundingApplication.PROCESS_KEY, variables);
	}

	private static void completeDouble(ProcessInstance project, String calledProcessKey, Map<String, Object> outcome) {
		ProcessInstance called = calledProcessInstance(calledProcessKey, project);
		assertThat(called).isWaitingAt(ProcessModels.DOUBLE_TASK);
		complete(task(called), outcome);
	}

}
