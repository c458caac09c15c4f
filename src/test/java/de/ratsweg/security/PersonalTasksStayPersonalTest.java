package de.ratsweg.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.board.BoardApproval;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board votes by circulation, each member on a task offered to them personally.
 * Nobody can take a member's vote away through the engine REST API: no colleague claims
 * it or has it assigned, nobody offers it to a group or another person, and an
 * administrator may only give it back to the member. The member takes it and votes as
 * before; tasks of a group are handed on between colleagues as before.
 */
@RatswegSpringTest
class PersonalTasksStayPersonalTest {

	private static final String MEMBER = DemoRoster.BOARD_MEMBER;

	private static final String COLLEAGUE = DemoRoster.SECOND_BOARD_MEMBER;

	private static final String REFUSAL = "Diese Aufgabe ist Bernd Schneider persönlich zugeteilt.";

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ProcessEngine engine;

	private final RestWork rest;

	private String businessKey;

	@Autowired
	PersonalTasksStayPersonalTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	/**
	 * A project in Soest is co-signed, and the board office sends it to the board by
	 * circulation: Bernd Schneider, Dirk Lange and Heike Becker each have their vote.
	 */
	@BeforeEach
	void theBoardVotesByCirculation() {
		this.businessKey = "vote-" + System.nanoTime();
		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				this.businessKey, ProjectIdeas.smartStreetLighting(Map.of("personalData", false)));
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		for (String department : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.ENVIRONMENT)) {
			this.rest.work(department, this.businessKey, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		}
		this.rest.work(DemoRoster.BOARD_OFFICE, this.businessKey, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot in der Innenstadt", "decisionMode", "circulation", "votingDays", 3));
		assertThat(candidates(vote())).containsExactly(MEMBER);
	}

	@Test
	void theMemberCannotOfferTheVoteToTheBoardOrHandItToAColleague() {
		String vote = vote().getId();

		assertRefused(post(MEMBER, vote, "identity-links", Map.of("groupId", RatswegGroups.BOARD, "type", "candidate")),
				"Sie kann keinen weiteren Personen oder Gruppen angeboten werden.");
		assertRefused(post(MEMBER, vote, "identity-links", Map.of("userId", COLLEAGUE, "type", "candidate")),
				"Sie kann keinen weiteren Personen oder Gruppen angeboten werden.");
		assertRefused(post(MEMBER, vote, "assignee", Map.of("userId", COLLEAGUE)),
				"Nur Bernd Schneider kann sie übernehmen oder wieder abgeben");
		assertRefused(post(MEMBER, vote, "delegate", Map.of("userId", COLLEAGUE)),
				"Nur Bernd Schneider kann sie übernehmen oder wieder abgeben");

		assertThat(vote().getAssignee()).isNull();
		assertThat(candidates(vote())).containsExactly(MEMBER);
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(vote)).as("no group was added")
			.extracting(IdentityLink::getGroupId)
			.containsOnlyNulls();
	}

	@Test
	void aColleagueCannotTakeSomeonesVoteNotEvenWhereHeSeesIt() {
		String vote = vote().getId();
		assertThat(this.rest.claim(COLLEAGUE, vote).getStatusCode()).as("he does not see it")
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

		// as an installation from before this rule may have left it: offered to the board
		this.engine.getTaskService().addCandidateGroup(vote, RatswegGroups.BOARD);
		assertThat(this.rest.tasks(COLLEAGUE, "processInstanceBusinessKey=" + this.businessKey))
			.as("the colleague now sees the member's vote")
			.extracting((task) -> task.get("id"))
			.contains(vote);

		assertRefused(this.rest.claim(COLLEAGUE, vote), "Nur Bernd Schneider kann sie übernehmen oder wieder abgeben");
		assertRefused(post(COLLEAGUE, vote, "assignee", Map.of("userId", COLLEAGUE)),
				"Nur Bernd Schneider kann sie übernehmen oder wieder abgeben");
		assertRefused(post(COLLEAGUE, vote, "identity-links", Map.of("userId", COLLEAGUE, "type", "candidate")),
				"Sie kann keinen weiteren Personen oder Gruppen angeboten werden.");
		ResponseEntity<String> withdrawn = post(COLLEAGUE, vote, "identity-links/delete",
				Map.of("userId", MEMBER, "type", "candidate"));
		assertThat(withdrawn.getStatusCode()).as("as for every task").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(withdrawn.getBody()).contains("Wem eine Aufgabe angeboten ist, ändert nur die Administration.");

		assertThat(vote().getAssignee()).isNull();
		assertThat(candidates(vote())).containsExactly(MEMBER);
	}

	@Test
	void theMemberTakesTheVoteGivesItBackAndVotes() {
		String vote = vote().getId();

		assertThat(this.rest.claim(MEMBER, vote).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post(MEMBER, vote, "unclaim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(vote().getAssignee()).isNull();
		assertThat(this.rest.claim(MEMBER, vote).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> voted = this.rest.submit(MEMBER, vote,
				Map.of("vote", "approved", "voteComment", "Guter Pilot"));

		assertThat(voted.getStatusCode()).as("%s", voted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(votesOf(MEMBER)).isEmpty();
	}

	@Test
	void anAdministratorGivesTheVoteToTheMemberOrBackButTakesItNot() {
		String vote = vote().getId();

		assertRefused(this.rest.claim(DemoRoster.ADMIN, vote),
				"Nur Bernd Schneider kann sie übernehmen oder wieder abgeben");
		assertRefused(
				post(DemoRoster.ADMIN, vote, "identity-links",
						Map.of("groupId", RatswegGroups.BOARD, "type", "candidate")),
				"Sie kann keinen weiteren Personen oder Gruppen angeboten werden.");
		assertThat(post(DemoRoster.ADMIN, vote, "assignee", Map.of("userId", MEMBER)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(vote().getAssignee()).isEqualTo(MEMBER);
		assertThat(post(DemoRoster.ADMIN, vote, "unclaim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(vote().getAssignee()).isNull();
	}

	@Test
	void whileTheMemberIsAwayTheVoteStaysHisAndTheSubstituteCannotTakeIt() {
		String vote = vote().getId();
		assertThat(this.rest.claim(MEMBER, vote).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> absence = this.rest.as(MEMBER)
			.exchange("/api/absences", HttpMethod.POST, RestWork.json(Map.of("substituteId", COLLEAGUE, "firstDay",
					LocalDate.now().toString(), "lastDay", LocalDate.now().toString())), OBJECT);
		assertThat(absence.getStatusCode().is2xxSuccessful()).as("%s", absence.getBody()).isTrue();
		try {
			assertThat(absence.getBody().get("notHandedOver")).asString()
				.contains("persönliche Aufgabe (z. B. eine Stimme im Umlaufverfahren), nicht vertretbar");
			assertThat(candidates(vote())).as("a vote is not handed to the substitute").containsExactly(MEMBER);
			assertThat(this.rest.claim(COLLEAGUE, vote).getStatusCode()).isIn(HttpStatus.FORBIDDEN,
					HttpStatus.NOT_FOUND);
			assertThat(vote().getAssignee()).isEqualTo(MEMBER);
		}
		finally {
			this.rest.as(MEMBER)
				.exchange("/api/absences/{id}", HttpMethod.DELETE, null, String.class, absenceId(absence.getBody()));
		}
	}

	@Test
	void aTaskOfAGroupIsStillHandedOnToAColleague() {
		String project = "group-" + System.nanoTime();
		this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess", project, ProjectIdeas.smartStreetLighting());
		Map<String, Object> treasuryTask = this.rest
			.tasks(DemoRoster.TREASURY,
					"processInstanceBusinessKey=" + project + "&taskDefinitionKey=Task_CoSignProjectIdea")
			.get(0);

		ResponseEntity<String> assigned = post(DemoRoster.TREASURY, (String) treasuryTask.get("id"), "assignee",
				Map.of("userId", DemoRoster.TREASURY_LEAD));

		assertThat(assigned.getStatusCode()).as("%s", assigned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private Task vote() {
		return votesOf(MEMBER).get(0);
	}

	private List<Task> votesOf(String member) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(this.businessKey)
			.taskDefinitionKey(BoardApproval.VOTE)
			.taskCandidateUser(member)
			.includeAssignedTasks()
			.list();
	}

	private List<String> candidates(Task task) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> "candidate".equals(link.getType()) && link.getUserId() != null)
			.map(IdentityLink::getUserId)
			.toList();
	}

	private ResponseEntity<String> post(String user, String taskId, String path, Map<String, Object> body) {
		return this.rest.as(user)
			.exchange("/engine-rest/task/{id}/" + path, HttpMethod.POST, RestWork.json(body), String.class, taskId);
	}

	private static void assertRefused(ResponseEntity<String> response, String reason) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains(REFUSAL, reason);
	}

	@SuppressWarnings("unchecked")
	private static Object absenceId(Map<String, Object> recorded) {
		Object absence = recorded.get("absence");
		return (absence instanceof Map<?, ?> map) ? ((Map<String, Object>) map).get("id") : recorded.get("id");
	}

}
