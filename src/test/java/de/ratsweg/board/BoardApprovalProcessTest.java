package de.ratsweg.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.engine.TaskInputException;

import static de.ratsweg.board.BoardApproval.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * "Freigabe durch den Verwaltungsvorstand": the board office prepares the item, the board
 * decides in its meeting or by circulation; a tie goes to the mayor.
 */
class BoardApprovalProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, PROCESS_KEY + ".bpmn")
		.withBean("boardVoting", new BoardVoting());

	private static final List<String> BOARD = List.of("bschneider", "dlange", "hbecker");

	@BeforeEach
	void theBoard() {
		IdentityService identity = engine.getProcessEngine().getIdentityService();
		identity.saveGroup(identity.newGroup("verwaltungsvorstand"));
		for (String member : BOARD) {
			identity.saveUser(identity.newUser(member));
			identity.createMembership(member, "verwaltungsvorstand");
		}
	}

	@AfterEach
	void noBoard() {
		IdentityService identity = engine.getProcessEngine().getIdentityService();
		BOARD.forEach(identity::deleteUser);
		identity.deleteGroup("verwaltungsvorstand");
	}

	@Test
	void theBoardApprovesInItsMeetingWithTheMayorsBacking() {
		ProcessInstance approval = startApproval();
		assertThat(task()).hasCandidateGroup("vorstandsbuero")
			.hasName("Vorlage für den Verwaltungsvorstand vorbereiten – „Smarte Straßenbeleuchtung“");

		complete(task(), withVariables("agendaSummary", "Pilot in der Innenstadt, 240.000 EUR", DECISION_MODE, MEETING,
				MEETING_DATE, LocalDate.now().plusDays(7).toString()));
		assertThat(approval).isWaitingAt(RECORD_DECISION);
		assertThat(task()).hasCandidateGroup("vorstandsbuero");
		complete(task(), withVariables("boardDecision", APPROVED, CHEFSACHE, true));

		assertThat(approval).isEnded().hasPassed(END_DECIDED).variables().containsEntry("boardDecision", APPROVED);
	}

	@Test
	void aMeetingDateInThePastIsRefusedAndTheTaskStaysOpen() {
		startApproval();
		Task prepare = task();

		assertThatThrownBy(() -> complete(prepare,
				withVariables("agendaSummary", "Pilot in der Innenstadt", DECISION_MODE, MEETING, MEETING_DATE,
						LocalDate.now().minusDays(1).toString())))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("„Sitzungstermin“ darf nicht in der Vergangenheit liegen.");
		assertThat(taskQuery().taskId(prepare.getId()).count()).isEqualTo(1);
	}

	@Test
	void inCirculationTheMajorityOfVotesDecides() {
		ProcessInstance approval = startCirculation();
		assertThat(taskQuery().taskDefinitionKey(VOTE).list()).as("each member is offered their own vote to take")
			.allSatisfy((vote) -> assertThat(vote.getAssignee()).isNull())
			.extracting((vote) -> engine.getProcessEngine()
				.getTaskService()
				.getIdentityLinksForTask(vote.getId())
				.stream()
				.map(org.camunda.bpm.engine.task.IdentityLink::getUserId)
				.toList())
			.containsExactlyInAnyOrderElementsOf(BOARD.stream().map(List::of).toList());

		vote("bschneider", REVISE, "Kosten je Leuchte belegen");
		vote("dlange", REVISE, "Datenschutzkonzept fehlt");
		vote("hbecker", APPROVED, null);

		assertThat(approval).isEnded()
			.hasPassed(COUNT_VOTES, END_DECIDED)
			.hasNotPassed(CAST_DECIDING_VOTE)
			.variables()
			.containsEntry("boardDecision", REVISE)
			.containsEntry("boardRemarks", "bschneider: Kosten je Leuchte belegen\ndlange: Datenschutzkonzept fehlt")
			.containsEntry(VOTING_SUMMARY, "1× freigeben, 2× überarbeiten");
	}

	@Test
	void withoutAMajorityOfTheVotesCastTheMayorDecides() {
		ProcessInstance approval = startCirculation();
		vote("bschneider", APPROVED, null);
		vote("dlange", REVISE, "Kosten belegen");
		vote("hbecker", REJECTED, "Kein Bedarf");

		assertThat(approval).isWaitingAt(CAST_DECIDING_VOTE)
			.variables()
			.containsEntry(TIED, true)
			.containsEntry(VOTING_SUMMARY, "1× freigeben, 1× überarbeiten, 1× ablehnen");
	}

	@Test
	void nobodyVotesForAnotherMember() {
		startCirculation();
		Task voteOfDirkLange = taskQuery().taskDefinitionKey(VOTE).taskCandidateUser("dlange").singleResult();
		engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("bschneider");

		assertThatThrownBy(() -> complete(voteOfDirkLange, withVariables(VOTE_VALUE, APPROVED)))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("stimmt jedes Mitglied selbst ab");
		assertThat(taskQuery().taskId(voteOfDirkLange.getId()).count()).isEqualTo(1);
	}

	@Test
	void aNewRoundStartsWithoutTheLastDecision() {
		ProcessInstance approval = runtimeService()
			.startProcessInstanceByKey(PROCESS_KEY, "soest-2026-001", ProjectIdeas.smartStreetLighting(
					java.util.Map.of("boardDecision", REVISE, "boardRemarks", "Datenschutz klären", CHEFSACHE, true)));

		assertThat(approval).isWaitingAt(PREPARE_AGENDA_ITEM)
			.variables()
			.containsEntry("boardDecision", null)
			.containsEntry("boardRemarks", null)
			.containsEntry(CHEFSACHE, null);
	}

	@Test
	void aTieGoesToTheMayor() {
		ProcessInstance approval = startCirculation();
		vote("bschneider", APPROVED, null);
		vote("dlange", REJECTED, "Kein Bedarf");

		execute(job(VOTING_DEADLINE, approval));

		assertThat(approval).isWaitingAt(CAST_DECIDING_VOTE);
		assertThat(task()).hasCandidateGroup("buergermeister");
		assertThat(approval).variables().containsEntry(TIED, true);
		complete(task(), withVariables("boardDecision", REJECTED, "boardRemarks", "Andere Prioritäten im Haushalt"));

		assertThat(approval).isEnded().variables().containsEntry("boardDecision", REJECTED);
	}

	@Test
	void whenNobodyVotesByTheDeadlineTheMayorDecides() {
		ProcessInstance approval = startCirculation();

		execute(job(VOTING_DEADLINE, approval));

		assertThat(approval).isWaitingAt(CAST_DECIDING_VOTE)
			.variables()
			.containsEntry(VOTING_SUMMARY, "keine Stimme abgegeben");
		assertThat(taskQuery().taskDefinitionKey(VOTE).count()).isZero();
	}

	@Test
	void theBoardOfficeSetsTheVotingDeadline() {
		startCirculation(Map.of(VOTING_DAYS, 2));

		Task vote = taskQuery().taskDefinitionKey(VOTE).taskCandidateUser("dlange").singleResult();
		assertThat(vote.getDueDate()).isCloseTo(
				java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(2))),
				java.time.Duration.ofMinutes(1).toMillis());
	}

	private ProcessInstance startApproval() {
		ProcessInstance approval = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "soest-2026-001",
				ProjectIdeas.smartStreetLighting());
		assertThat(approval).isWaitingAt(PREPARE_AGENDA_ITEM);
		return approval;
	}

	private ProcessInstance startCirculation() {
		return startCirculation(Map.of());
	}

	private ProcessInstance startCirculation(Map<String, Object> extra) {
		ProcessInstance approval = startApproval();
		Map<String, Object> variables = new java.util.HashMap<>(
				Map.of("agendaSummary", "Pilot in der Innenstadt", DECISION_MODE, CIRCULATION, VOTING_DAYS, 5));
		variables.putAll(extra);
		complete(task(), variables);
		assertThat(approval).hasPassed(START_CIRCULATION).isWaitingAt(VOTE);
		return approval;
	}

	private static void vote(String member, String vote, String comment) {
		Task task = taskQuery().taskDefinitionKey(VOTE).taskCandidateUser(member).singleResult();
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(VOTE_VALUE, vote);
		if (comment != null) {
			variables.put(VOTE_COMMENT, comment);
		}
		complete(task, variables);
	}

}
