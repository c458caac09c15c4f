package de.ratsweg.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.cosigning.DepartmentCoSigning;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people of the Soest treasury send the co-signing statement of the same project at
 * the same moment: exactly one statement counts, the other person is told in German that
 * someone else was faster (409), and the project has moved on exactly once. Repeated, so
 * that both ways of losing the race occur: the engine's optimistic lock (both read the
 * task) and a task that is already gone.
 */
@RatswegSpringTest
class SimultaneousCompletionTest {

	private static final String CO_SIGN_TASK = "Task_CoSignProjectIdea";

	private static final int ROUNDS = 8;

	private final ProcessEngine engine;

	private final RestWork rest;

	private final TestRestTemplate http;

	private final ExecutorService twoPeople = Executors.newFixedThreadPool(2);

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	SimultaneousCompletionTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
		this.http = http;
	}

	@AfterEach
	void stopThreads() {
		this.twoPeople.shutdownNow();
	}

	@Test
	void whenTwoTreasuryStaffSendTheStatementAtOnceExactlyOneCountsAndTheOtherGetsAConflictInGerman() throws Exception {
		List<String> losers = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String taskId = treasuryStatementOfANewProject("gleichzeitig-" + round);

			CyclicBarrier together = new CyclicBarrier(2);
			Future<ResponseEntity<String>> first = this.twoPeople
				.submit(() -> sendStatement(together, DemoRoster.TREASURY, taskId, "agreed"));
			Future<ResponseEntity<String>> second = this.twoPeople
				.submit(() -> sendStatement(together, DemoRoster.TREASURY_LEAD, taskId, "objection"));
			ResponseEntity<String> a = first.get(60, TimeUnit.SECONDS);
			ResponseEntity<String> b = second.get(60, TimeUnit.SECONDS);

			List<Integer> statuses = List.of(a.getStatusCode().value(), b.getStatusCode().value());
			assertThat(statuses).as("round %d: %s / %s", round, a.getBody(), b.getBody())
				.containsExactlyInAnyOrder(204, 409);
			ResponseEntity<String> lost = (a.getStatusCode().value() == 409) ? a : b;
			assertThat(lost.getBody()).contains("\"type\":\"TaskConflict\"")
				.containsAnyOf("im selben Moment von jemand anderem erledigt", "wurde bereits am")
				.contains("Ihre Eingaben wurden nicht gespeichert")
				.doesNotContain("Exception", "Cannot");
			losers.add(lost.getBody());

			String winner = (a.getStatusCode().value() == 204) ? DemoRoster.TREASURY : DemoRoster.TREASURY_LEAD;
			String winnersStatement = winner.equals(DemoRoster.TREASURY) ? "agreed" : "objection";
			HistoricTaskInstance done = this.engine.getHistoryService()
				.createHistoricTaskInstanceQuery()
				.taskId(taskId)
				.singleResult();
			assertThat(done.getEndTime()).as("the task is completed once").isNotNull();
			List<Map<String, Object>> statements = statementsOf(done.getProcessInstanceId());
			assertThat(statements).as("only the winner's statement is kept")
				.filteredOn((record) -> "kaemmerei".equals(record.get("department")))
				.extracting((record) -> record.get("statement"))
				.containsExactly(winnersStatement);
			assertThat(this.engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
			assertThat(this.engine.getHistoryService()
				.createHistoricActivityInstanceQuery()
				.processInstanceId(done.getProcessInstanceId())
				.activityId(CO_SIGN_TASK)
				.finished()
				.count()).as("the co-signing step of the treasury ended once").isOne();
		}
		assertThat(losers).as("the losing side is told in German, whichever way it lost")
			.allSatisfy((body) -> assertThat(body).contains("laden Sie die Aufgabe").doesNotContain("Optimistic"));
	}

	@Test
	void whenTwoDepartmentsSendTheirStatementsOnTheSameProjectAtOnceBothAreKept() throws Exception {
		for (int round = 0; round < 5; round++) {
			String treasuryTask = treasuryStatementOfANewProject("zwei-abteilungen-" + round);
			String project = this.engine.getTaskService()
				.createTaskQuery()
				.taskId(treasuryTask)
				.singleResult()
				.getProcessInstanceId();
			String itTask = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(project)
				.taskCandidateGroup("fb-it")
				.singleResult()
				.getId();

			CyclicBarrier together = new CyclicBarrier(2);
			Future<ResponseEntity<String>> treasury = this.twoPeople
				.submit(() -> sendStatement(together, DemoRoster.TREASURY, treasuryTask, "agreed"));
			Future<ResponseEntity<String>> it = this.twoPeople
				.submit(() -> sendStatement(together, DemoRoster.IT, itTask, "objection"));

			assertThat(treasury.get(60, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(204);
			assertThat(it.get(60, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(204);
			assertThat(statementsOf(project)).extracting((record) -> record.get("department"))
				.as("round %d: both statements are kept", round)
				.contains("kaemmerei", "fb-it");
		}
	}

	@Test
	void inTasklistTheLaterOfTwoStatementsIsRefusedWithAConflictInGermanToo() {
		String taskId = treasuryStatementOfANewProject("tasklist");
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.TREASURY_LEAD,
				DemoRoster.PASSWORD);
		assertThat(this.rest.submit(DemoRoster.TREASURY, taskId, Map.of("statement", "agreed")).getStatusCode().value())
			.isEqualTo(204);

		ResponseEntity<String> late = tasklist.post(
				"/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
				"{\"variables\":{\"statement\":{\"value\":\"agreed\",\"type\":\"String\"}}}");

		assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
		assertThat(late.getBody()).contains("Diese Aufgabe wurde bereits am").contains("erledigt");
	}

	/** Starts a project in Soest; its co-signing asks the treasury for a statement. */
	private String treasuryStatementOfANewProject(String name) {
		String businessKey = name + "-" + System.nanoTime();
		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				businessKey, ProjectIdeas.smartStreetLighting());
		assertThat(started.getStatusCode().value()).as("project started: %s", started.getBody()).isEqualTo(200);
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(CO_SIGN_TASK)
			.taskCandidateGroup("kaemmerei")
			.singleResult()
			.getId();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> statementsOf(String coSigningInstance) {
		Object statements = this.engine.getRuntimeService()
			.getVariable(coSigningInstance, DepartmentCoSigning.STATEMENTS);
		return (List<Map<String, Object>>) statements;
	}

	private ResponseEntity<String> sendStatement(CyclicBarrier together, String user, String taskId, String statement)
			throws Exception {
		together.await(30, TimeUnit.SECONDS);
		return this.rest.submit(user, taskId, "agreed".equals(statement) ? Map.of("statement", statement)
				: Map.of("statement", statement, "statementText", "Die Folgekosten sind nicht gedeckt."));
	}

}
