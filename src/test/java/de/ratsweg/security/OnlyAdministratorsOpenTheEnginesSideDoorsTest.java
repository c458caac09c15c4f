package de.ratsweg.security;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.engine.notification.DeadlineSweep;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Staff change a project only through the forms of their tasks. The engine's other doors
 * (setting variables, throwing errors from a task, jobs, attachments, counts over all
 * municipalities, permission checks of single tasks) are refused to them through the
 * engine REST API and through the webapps' API alike, with a German reason; nothing
 * changes. Administrators still use them, and the operation log names the variables they
 * change.
 */
@RatswegSpringTest
class OnlyAdministratorsOpenTheEnginesSideDoorsTest {

	private static final String WEBAPP_API = "/camunda/api/engine/engine/default";

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	private final RestWork rest;

	private String projectId;

	private Task coSigning;

	@Autowired
	OnlyAdministratorsOpenTheEnginesSideDoorsTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	/** A Soest project of 240,000 € waits for the co-signers; IT has its task. */
	@BeforeEach
	void aProjectWaitsForItsCoSigners() {
		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				"doors-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		this.projectId = (String) started.getBody().get("id");
		String coSigningId = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(this.projectId)
			.singleResult()
			.getId();
		this.coSigning = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(coSigningId)
			.taskCandidateGroup(RatswegGroups.IT)
			.singleResult();
		assertThat(this.rest.claim(DemoRoster.IT, this.coSigning.getId()).getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void aCoSignerChangesNoVariableBesideTheFormThroughEitherApi() {
		String patch = """
				{"modifications": {"estimatedCost": {"value": 40000, "type": "Integer"}}, "deletions": ["needGap"]}""";
		String objectValue = """
				{"value": "{}", "type": "Object",
				 "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/json"}}""";
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.IT, DemoRoster.PASSWORD);

		List<ResponseEntity<String>> answers = List.of(
				restAs(DemoRoster.IT, HttpMethod.POST, "/task/{id}/variables", patch, this.coSigning.getId()),
				tasklist.send(HttpMethod.POST, WEBAPP_API + "/task/" + this.coSigning.getId() + "/variables", patch),
				restAs(DemoRoster.IT, HttpMethod.PUT, "/task/{id}/localVariables/estimatedCost", "{\"value\": 40000}",
						this.coSigning.getId()),
				restAs(DemoRoster.IT, HttpMethod.PUT, "/task/{id}/variables/remark", objectValue,
						this.coSigning.getId()));
		// Staff see no process instance at all: for them it is not there.
		List<ResponseEntity<String>> onTheProject = List.of(
				restAs(DemoRoster.STAFF, HttpMethod.POST, "/process-instance/{id}/variables", patch, this.projectId),
				tasklist.send(HttpMethod.POST, WEBAPP_API + "/process-instance/" + this.projectId + "/variables",
						patch));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
		});
		assertThat(onTheProject).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(404);
		});
		assertThat(DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> catchThrowable(
						() -> this.engine.getRuntimeService().setVariable(this.projectId, "estimatedCost", 40000))))
			.as("the Java API on her behalf")
			.hasMessage("Die Angaben eines Vorhabens ändern sich nur über die Formulare seiner Aufgaben.");
		assertThat(answers.get(0).getBody())
			.contains("Die Angaben eines Vorhabens ändern sich nur über die Formulare seiner Aufgaben.");
		assertThat(this.engine.getRuntimeService().getVariable(this.projectId, "estimatedCost")).isEqualTo(240000);
		assertThat(this.engine.getRuntimeService().getVariable(this.projectId, "needGap")).isNotNull();
		assertThat(this.engine.getRuntimeService().getVariable(this.coSigning.getExecutionId(), "remark")).isNull();
	}

	@Test
	void nobodyEndsATaskItsStepOrTheProjectByThrowingAnError() {
		String error = """
				{"errorCode": "X", "variables": {"statement": {"value": "agreed"},
				 "estimatedCost": {"value": 40000, "type": "Integer"}}}""";
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.IT, DemoRoster.PASSWORD);

		List<ResponseEntity<String>> answers = List.of(
				restAs(DemoRoster.IT, HttpMethod.POST, "/task/{id}/bpmnError", error, this.coSigning.getId()),
				tasklist.send(HttpMethod.POST, WEBAPP_API + "/task/" + this.coSigning.getId() + "/bpmnError", error),
				restAs(DemoRoster.IT, HttpMethod.POST, "/task/{id}/bpmnEscalation", "{\"escalationCode\": \"X\"}",
						this.coSigning.getId()));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
			assertThat(answer.getBody()).contains("Eine Aufgabe wird über ihr Formular abgeschlossen.");
		});
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(this.coSigning.getId()).count())
			.as("the task is still open")
			.isOne();
		assertThat(this.engine.getRuntimeService().getVariable(this.projectId, "estimatedCost")).isEqualTo(240000);
	}

	@Test
	void jobsThatBelongToNoProcessAreForAdministratorsOnly() {
		Job deadlineSweep = this.engine.getManagementService()
			.createJobQuery()
			.list()
			.stream()
			.filter((job) -> DeadlineSweep.TYPE.equals(((JobEntity) job).getJobHandlerType()))
			.findFirst()
			.orElseThrow();
		Job cleanup = this.engine.getHistoryService().findHistoryCleanupJobs().get(0);
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.MENDEN_STAFF,
				DemoRoster.PASSWORD);

		for (Job job : List.of(deadlineSweep, cleanup)) {
			String id = job.getId();
			List<ResponseEntity<String>> answers = List.of(
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.GET, "/job?firstResult=0&maxResults=10", null, id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.PUT, "/job/{id}/duedate",
							"{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}", id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.POST, "/job/{id}/execute", null, id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.PUT, "/job/{id}/suspended", "{\"suspended\": true}", id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.PUT, "/job/{id}/retries", "{\"retries\": 0}", id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.PUT, "/job/{id}/priority", "{\"priority\": 9}", id),
					restAs(DemoRoster.MENDEN_STAFF, HttpMethod.DELETE, "/job/{id}", null, id),
					tasklist.send(HttpMethod.PUT, WEBAPP_API + "/job/" + id + "/suspended", "{\"suspended\": true}"),
					tasklist.send(HttpMethod.DELETE, WEBAPP_API + "/job/" + id, null));

			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
				assertThat(answer.getBody())
					.contains("Zeitgeber und Hintergrundaufträge verwalten nur Administratoren.");
			});
			Job after = this.engine.getManagementService().createJobQuery().jobId(id).singleResult();
			assertThat(after).as("the job is still there").isNotNull();
			assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
			assertThat(after.isSuspended()).isFalse();
			assertThat(after.getRetries()).isEqualTo(job.getRetries());
		}
		assertThat(restAs(DemoRoster.ADMIN, HttpMethod.GET, "/job/{id}", null, cleanup.getId()).getStatusCode().value())
			.as("administrators keep Cockpit's job tools")
			.isEqualTo(200);
	}

	@Test
	void countsOverAllMunicipalitiesAreForAdministratorsOnly() {
		String definitionId = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(this.projectId)
			.singleResult()
			.getProcessDefinitionId();
		List<String> counts = List.of("/history/process-definition/" + definitionId + "/statistics",
				"/process-definition/" + definitionId + "/statistics?incidents=true",
				"/process-definition/statistics?incidents=true",
				"/history/process-definition/cleanable-process-instance-report",
				"/history/process-definition/cleanable-process-instance-report/count",
				"/metrics/activity-instance-start/sum", "/metrics?interval=900", "/task/report/candidate-group-count",
				"/history/task/report?reportType=count&groupBy=processDefinition",
				"/history/process-instance/report?reportType=duration&periodUnit=month", "/batch/statistics",
				"/incident", "/history/incident", "/job-definition", "/history/job-log?firstResult=0&maxResults=10");
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.MENDEN_STAFF,
				DemoRoster.PASSWORD);

		for (String count : counts) {
			ResponseEntity<String> rest = restAs(DemoRoster.MENDEN_STAFF, HttpMethod.GET, count, null, "");
			ResponseEntity<String> webapps = tasklist.get(WEBAPP_API + count);
			assertThat(rest.getStatusCode().value()).as("%s: %s", count, rest.getBody()).isEqualTo(403);
			assertThat(webapps.getStatusCode().value()).as("webapps' API %s: %s", count, webapps.getBody())
				.isEqualTo(403);
		}
		assertThat(restAs(DemoRoster.ADMIN, HttpMethod.GET, counts.get(0), null, "").getStatusCode().value())
			.as("administrators keep Cockpit's figures")
			.isEqualTo(200);
	}

	@Test
	void attachmentsAndThePermissionsOfSingleTasksAreForAdministratorsOnly() {
		String menden = "/authorization/check?permissionName=READ&resourceName=Task&resourceType=7&resourceId="
				+ this.coSigning.getId();

		String attachmentId = this.engine.getTaskService()
			.createAttachment("url", this.coSigning.getId(), null, "Stellungnahme", null, "https://example.org/x")
			.getId();
		List<ResponseEntity<String>> attachments = List.of(
				restAs(DemoRoster.IT, HttpMethod.GET, "/task/{id}/attachment", null, this.coSigning.getId()),
				restAs(DemoRoster.IT, HttpMethod.GET, "/task/{id}/attachment/" + attachmentId + "/data", null,
						this.coSigning.getId()));
		ResponseEntity<String> fromMenden = restAs(DemoRoster.MENDEN_STAFF, HttpMethod.GET,
				"/task/{id}/attachment/" + attachmentId, null, this.coSigning.getId());
		// Camunda's REST layer answers any refusal of a deletion as "no attachment" (404)
		ResponseEntity<String> deleted = restAs(DemoRoster.IT, HttpMethod.DELETE,
				"/task/{id}/attachment/" + attachmentId, null, this.coSigning.getId());
		ResponseEntity<String> foreignCheck = restAs(DemoRoster.MENDEN_STAFF, HttpMethod.GET, menden, null, "");
		ResponseEntity<String> tasklistAccess = restAs(DemoRoster.MENDEN_STAFF, HttpMethod.GET,
				"/authorization/check?permissionName=ACCESS&resourceName=Application&resourceType=0&resourceId=tasklist",
				null, "");

		assertThat(attachments).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
			assertThat(answer.getBody()).contains("Anhänge verwalten nur Administratoren.");
		});
		assertThat(fromMenden.getStatusCode().value()).as("another city's task is not there").isEqualTo(404);
		assertThat(deleted.getStatusCode().value()).as("%s", deleted.getBody()).isEqualTo(404);
		assertThat(this.engine.getTaskService().getAttachment(attachmentId)).as("still there").isNotNull();
		assertThat(foreignCheck.getStatusCode().value()).as("another city's task: neither yes nor no").isEqualTo(403);
		assertThat(tasklistAccess.getStatusCode().value()).as("what the webapps ask stays open").isEqualTo(200);
		assertThat(tasklistAccess.getBody()).contains("\"authorized\":true");
	}

	@Test
	void theOperationLogNamesTheVariablesAnAdministratorChangesButNotTheirValues() {
		ResponseEntity<String> patched = restAs(DemoRoster.ADMIN, HttpMethod.POST, "/process-instance/{id}/variables",
				"""
						{"modifications": {"estimatedCost": {"value": 230000, "type": "Integer"}},
						 "deletions": ["remark"]}""", this.projectId);

		assertThat(patched.getStatusCode().value()).as("%s", patched.getBody()).isEqualTo(204);
		List<UserOperationLogEntry> entries = this.engine.getHistoryService()
			.createUserOperationLogQuery()
			.userId(DemoRoster.ADMIN)
			.processInstanceId(this.projectId)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE)
			.list();
		assertThat(entries).extracting(UserOperationLogEntry::getProperty).containsOnly("variableName");
		assertThat(entries).extracting(UserOperationLogEntry::getNewValue)
			.containsExactlyInAnyOrder("estimatedCost", "remark");
		assertThat(entries).extracting(UserOperationLogEntry::getTimestamp).allSatisfy((time) -> {
			assertThat(time).isBeforeOrEqualTo(new Date());
		});
		assertThat(entries.toString()).doesNotContain("230000");
	}

	private ResponseEntity<String> restAs(String user, HttpMethod method, String path, String json, String id) {
		return this.rest.as(user)
			.exchange("/engine-rest" + path, method, (json != null) ? RestWork.json(json) : null, String.class, id);
	}

}
