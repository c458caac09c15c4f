package de.ratsweg.tenancy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.TestProfiles;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A project of Menden is invisible to Soest: a Soest user can neither list, read, claim,
 * complete nor read the history of it, through the Java API, the engine REST API or the
 * webapps' API, and cannot start a project for Menden. Each check has its control: the
 * Menden user with the same role can.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_TAG)
class MunicipalitiesAreIsolatedTest {

	private static final String TREASURY_TASK = "Task_CoSignProjectIdea";

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	private final RestWork rest;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private String mendenProject;

	private String mendenTreasuryTask;

	@Autowired
	MunicipalitiesAreIsolatedTest(ApplicationContext context, ProcessEngine engine, TestRestTemplate http) {
		this.context = context;
		this.engine = engine;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@BeforeEach
	void aProjectInMendenWaitsForItsTreasury() {
		String businessKey = "menden-" + System.nanoTime();
		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.MENDEN_STAFF,
				"SmartCityProjectProcess", businessKey, ProjectIdeas.smartStreetLighting());
		assertThat(started.getBody()).containsEntry("tenantId", DemoRoster.MENDEN);
		this.mendenProject = (String) started.getBody().get("id");
		this.mendenTreasuryTask = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskCandidateGroup("kaemmerei")
			.singleResult()
			.getId();
	}

	@Test
	void throughTheJavaApiASoestUserNeitherListsReadsClaimsNorCompletesAMendenTask() {
		assertThat(as(DemoRoster.TREASURY,
				() -> this.engine.getTaskService().createTaskQuery().taskId(this.mendenTreasuryTask).count()))
			.isZero();
		assertThatThrownBy(() -> as(DemoRoster.TREASURY,
				() -> this.engine.getFormService().getTaskFormVariables(this.mendenTreasuryTask)))
			.isInstanceOf(ProcessEngineException.class);
		assertThatThrownBy(() -> as(DemoRoster.TREASURY, () -> {
			this.engine.getTaskService().claim(this.mendenTreasuryTask, DemoRoster.TREASURY);
			return null;
		})).isInstanceOf(ProcessEngineException.class);
		assertThatThrownBy(() -> as(DemoRoster.TREASURY, () -> {
			this.engine.getTaskService().complete(this.mendenTreasuryTask, Map.of("statement", "agreed"));
			return null;
		})).isInstanceOf(ProcessEngineException.class);
		assertThat(this.engine.getTaskService()
			.createTaskQuery()
			.taskId(this.mendenTreasuryTask)
			.singleResult()
			.getAssignee()).isNull();

		assertThat(as(DemoRoster.MENDEN_TREASURY,
				() -> this.engine.getTaskService().createTaskQuery().taskId(this.mendenTreasuryTask).count()))
			.isOne();
	}

	@Test
	void throughTheEngineRestApiASoestUserNeitherListsReadsClaimsNorCompletesAMendenTask() {
		String task = "/engine-rest/task/" + this.mendenTreasuryTask;

		assertThat(this.rest.tasks(DemoRoster.TREASURY, "processInstanceId=" + this.mendenProject)).isEmpty();
		assertThat(this.rest.tasks(DemoRoster.TREASURY, "taskDefinitionKey=" + TREASURY_TASK)
			.stream()
			.map((listed) -> listed.get("id"))).doesNotContain(this.mendenTreasuryTask);
		assertThat(this.rest.as(DemoRoster.TREASURY).getForEntity(task, String.class).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.rest.as(DemoRoster.TREASURY)
			.getForEntity(task + "/form-variables", String.class)
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		ResponseEntity<String> claim = this.rest.claim(DemoRoster.TREASURY, this.mendenTreasuryTask);
		ResponseEntity<String> submit = this.rest.submit(DemoRoster.TREASURY, this.mendenTreasuryTask,
				Map.of("statement", "agreed"));
		assertThat(claim.getStatusCode().value()).as("not found, as in every list").isEqualTo(404);
		assertThat(claim.getBody()).contains("Nicht gefunden").doesNotContain("tenant");
		assertThat(submit.getStatusCode().value()).isEqualTo(404);
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(this.mendenTreasuryTask).count())
			.as("the task is still open")
			.isOne();

		assertThat(this.rest.tasks(DemoRoster.MENDEN_TREASURY,
				"processInstanceBusinessKey=" + this.engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(this.mendenProject)
					.singleResult()
					.getBusinessKey()))
			.extracting((listed) -> listed.get("id"))
			.contains(this.mendenTreasuryTask);
		assertThat(this.rest.as(DemoRoster.MENDEN_TREASURY).getForEntity(task, String.class).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void throughTheWebappsApiASoestUserNeitherListsReadsClaimsNorCompletesAMendenTask() {
		WebappSession soest = WebappSession.login(this.http, "tasklist", DemoRoster.TREASURY, DemoRoster.PASSWORD);
		String api = "/camunda/api/engine/engine/default";

		assertThat(soest.get(api + "/task?maxResults=200&processInstanceId=" + this.mendenProject).getBody())
			.isEqualTo("[]");
		assertThat(soest.get(api + "/task/" + this.mendenTreasuryTask).getStatusCode().value()).isEqualTo(404);
		assertThat(soest
			.post(api + "/task/" + this.mendenTreasuryTask + "/claim", "{\"userId\": \"" + DemoRoster.TREASURY + "\"}")
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(soest
			.post(api + "/task/" + this.mendenTreasuryTask + "/submit-form",
					"{\"variables\": {\"statement\": {\"value\": \"agreed\"}}}")
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		String myTasks = this.engine.getFilterService()
			.createFilterQuery()
			.filterName(de.ratsweg.tasklist.TaskFilters.GROUP_TASKS)
			.singleResult()
			.getId();
		ResponseEntity<String> soestList = soest.post(api + "/filter/" + myTasks + "/list?firstResult=0&maxResults=200",
				"{}");
		assertThat(soestList.getStatusCode().value()).isEqualTo(200);
		assertThat(soestList.getBody()).doesNotContain(this.mendenTreasuryTask);

		WebappSession menden = WebappSession.login(this.http, "tasklist", DemoRoster.MENDEN_TREASURY,
				DemoRoster.PASSWORD);
		assertThat(menden.post(api + "/filter/" + myTasks + "/list?firstResult=0&maxResults=200", "{}").getBody())
			.contains(this.mendenTreasuryTask);
	}

	@Test
	void aSoestUserReadsNoHistoryOfAMendenProjectThroughAnyApi() {
		String query = "/history/process-instance?maxResults=200&processInstanceId=" + this.mendenProject;
		String tasks = "/history/task?maxResults=200&processInstanceId=" + this.mendenProject;

		assertThat(as(DemoRoster.STAFF,
				() -> this.engine.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(this.mendenProject)
					.count()))
			.isZero();
		assertThat(this.rest.as(DemoRoster.STAFF).getForObject("/engine-rest" + query, String.class)).isEqualTo("[]");
		assertThat(this.rest.as(DemoRoster.STAFF).getForObject("/engine-rest" + tasks, String.class)).isEqualTo("[]");
		WebappSession soest = WebappSession.login(this.http, "tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);
		assertThat(soest.get("/camunda/api/engine/engine/default" + query).getBody()).isEqualTo("[]");

		assertThat(as(DemoRoster.MENDEN_STAFF,
				() -> this.engine.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(this.mendenProject)
					.count()))
			.isOne();
		assertThat(this.rest.as(DemoRoster.MENDEN_STAFF).getForObject("/engine-rest" + query, String.class))
			.contains(this.mendenProject);
	}

	@Test
	void aProjectBelongsToTheMunicipalityOfWhoeverStartsIt() {
		ResponseEntity<Map<String, Object>> own = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				"soest-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());

		assertThat(own.getBody()).containsEntry("tenantId", DemoRoster.SOEST);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("SmartCityProjectProcess")
			.tenantIdIn(DemoRoster.MENDEN)
			.count()).as("only the project Menden's own staff started").isOne();
	}

	@Test
	void someoneInTwoMunicipalitiesOrInNoneStartsNothing() {
		Municipalities municipalities = this.context.getBean(Municipalities.class);
		IdentityService identity = this.engine.getIdentityService();
		String both = "zweistaedte";
		String none = "keinestadt";
		// With the city's directory both are there already (identity/kommunen.ldif).
		for (String user : List.of(both, none)) {
			if (!identity.isReadOnly() && identity.createUserQuery().userId(user).count() == 0) {
				org.camunda.bpm.engine.identity.User created = identity.newUser(user);
				created.setPassword(DemoRoster.PASSWORD);
				identity.saveUser(created);
				identity.createMembership(user, "sachbearbeitung");
			}
		}
		if (!identity.isReadOnly()) {
			municipalities.ensureMember(both, DemoRoster.SOEST);
			municipalities.ensureMember(both, DemoRoster.MENDEN);
		}

		ResponseEntity<Map<String, Object>> inTwo = this.rest.start(both, "SmartCityProjectProcess",
				"zwei-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());
		ResponseEntity<Map<String, Object>> inNone = this.rest.start(none, "SmartCityProjectProcess",
				"keine-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());

		assertThat(inTwo.getStatusCode().value()).isEqualTo(400);
		assertThat(inTwo.getBody().get("message")).asString().contains("Sie gehören zu mehreren Städten");
		assertThat(inNone.getStatusCode().value()).isEqualTo(400);
		assertThat(inNone.getBody().get("message")).asString().contains("Sie gehören zu keiner Stadt");
	}

	private <T> T as(String userId, Supplier<T> action) {
		return DemoRoster.as(this.engine, userId, action);
	}

}
