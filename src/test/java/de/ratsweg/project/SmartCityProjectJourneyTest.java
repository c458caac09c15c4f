package de.ratsweg.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.engine.TaskInputException;
import de.ratsweg.security.DemoRoster;
import de.ratsweg.tasklist.TaskFilters;

import static de.ratsweg.OnDay.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole project, from the idea to "Projektorganisation steht", through every called
 * process, in the running application (H2, and PostgreSQL in the database pass) with
 * authorization checks on: each step is done by the demo user of the group the model
 * names, who sees only the tasks of their group.
 */
@RatswegSpringTest
class SmartCityProjectJourneyTest {

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private String businessKey;

	@Autowired
	SmartCityProjectJourneyTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.http = http;
	}

	@BeforeEach
	void deployTheModelsAndCreateTheDemoUsers() {
		this.businessKey = "soest-" + System.nanoTime();
	}

	@Test
	void aProjectGoesFromIdeaToProjectOrganisation() {
		String projectId = startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting());

		// Mitzeichnung: treasury, IT, data protection (decision table) and environment
		// (named)
		for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.DATA_PROTECTION,
				DemoRoster.ENVIRONMENT)) {
			work(user, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		}
		assertThat(visibleTasks(DemoRoster.URBAN_DEVELOPMENT)).as("the lead unit does not co-sign its own idea")
			.isEmpty();
		ObjectValue statements = (ObjectValue) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(coSigningInstance(projectId))
			.variableName("coSigningStatements")
			.disableCustomObjectDeserialization()
			.singleResult()
			.getTypedValue();
		assertThat(statements.getSerializationDataFormat()).as("kept as JSON, never as a Java object")
			.isEqualTo("application/json");

		// Verwaltungsvorstand, in its meeting
		work(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot smarter Straßenbeleuchtung in der Innenstadt", "decisionMode", "meeting",
						"boardMeetingDate", LocalDate.now().plusDays(3).toString()));
		work(DemoRoster.BOARD_OFFICE, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "chefsache", true));

		// Beratungsfolge: Digitalisierung, Klima, Haupt- und Finanzausschuss, Rat
		for (int committee = 0; committee < 4; committee++) {
			LocalDate meeting = LocalDate.now().plusDays(30);
			work(DemoRoster.COMMITTEE_OFFICE, "Task_ScheduleConsultation", Map.of("meetingDate", meeting.toString()));
			work(DemoRoster.COMMITTEE_OFFICE, "Task_SubmitResolutionPaper",
					Map.of("paperReference", "2026/0815", "paperSummary", "Der Rat beschließt die Pilotierung."));
			on(meeting, () -> work(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult",
					Map.of("committeeResult", "passed", "resolutionText", "Einstimmig beschlossen")));
		}

		// Förderantrag
		work(DemoRoster.STAFF, "Task_SelectFundingProgramme", Map.of("fundingProgramme", "Modellprojekte Smart Cities",
				"callDeadline", LocalDate.now().plusDays(60).toString()));
		work(DemoRoster.STAFF, "Task_PrepareFundingApplication", Map.of("eligibleCost", 240000, "requestedAmount",
				180000, "ownShare", 60000, "financingPlan", "Förderquote 75 %, Eigenanteil Stadtentwicklung"));
		work(DemoRoster.TREASURY, "Task_IssueTreasuryStatement",
				Map.of("ownShareSecured", true, "treasuryStatement", "Eigenanteil im Haushalt 2027 veranschlagt"));
		work(DemoRoster.MAYOR, "Task_SignFundingApplication", Map.of("applicationSigned", true));
		work(DemoRoster.STAFF, "Task_SubmitFundingApplication",
				Map.of("submittedOn", LocalDate.now().toString(), "applicationReference", "SC-2026-4711"));
		work(DemoRoster.STAFF, "Task_RecordFundingNotice",
				Map.of("fundingResult", "granted", "noticeDate", LocalDate.now().toString(), "grantedAmount", 180000,
						"fundingPeriodStart", "2027-01-01", "fundingPeriodEnd", "2028-12-31"));

		// Projektorganisation, by the lead unit
		work(DemoRoster.URBAN_DEVELOPMENT, "Task_SetUpProjectOrganisation",
				Map.of("projectLead", "Jana Vogt", "workLevelStaffed", true, "jobPostingNeeded", false, "kickOffDate",
						LocalDate.now().plusDays(14).toString()));

		HistoryService history = this.engine.getHistoryService();
		HistoricProcessInstance project = history.createHistoricProcessInstanceQuery()
			.processInstanceId(projectId)
			.singleResult();
		assertThat(project.getEndActivityId()).isEqualTo(SmartCityProject.END_ORGANISED);
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(projectId)
			.activityType("callActivity")
			.list()).extracting(HistoricActivityInstance::getActivityId)
			.containsExactlyInAnyOrder(SmartCityProject.CO_SIGNING, SmartCityProject.BOARD_APPROVAL,
					SmartCityProject.COMMITTEE_RESOLUTION, SmartCityProject.FUNDING_APPLICATION);
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(projectId)
			.variableName("sessionCount")
			.singleResult()
			.getValue()).isEqualTo(4);
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(this.businessKey).list())
			.extracting(HistoricTaskInstance::getAssignee)
			.doesNotContainNull()
			.contains(DemoRoster.TREASURY, DemoRoster.MAYOR, DemoRoster.COMMITTEE_OFFICE, DemoRoster.URBAN_DEVELOPMENT);
	}

	@Test
	void theBoardDecidesByCirculationEachMemberOnTheirOwnTask() {
		String projectId = startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting(Map.of("personalData", false)));
		for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.ENVIRONMENT)) {
			work(user, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		}
		work(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot in der Innenstadt", "decisionMode", "circulation", "votingDays", 3));

		assertThat(visibleTasks(DemoRoster.BOARD_MEMBER)).as("a member sees only their own vote, offered to them")
			.singleElement()
			.satisfies((task) -> assertThat(this.engine.getTaskService().getIdentityLinksForTask(task.getId()))
				.extracting(org.camunda.bpm.engine.task.IdentityLink::getUserId)
				.containsExactly(DemoRoster.BOARD_MEMBER));
		vote(DemoRoster.BOARD_MEMBER, "approved");
		vote(DemoRoster.SECOND_BOARD_MEMBER, "revise");
		vote(DemoRoster.MAYOR, "approved");

		assertThat(this.engine.getRuntimeService().getVariable(projectId, "boardDecision")).isEqualTo("approved");
		assertThat(visibleTasks(DemoRoster.COMMITTEE_OFFICE)).extracting(Task::getTaskDefinitionKey)
			.containsExactly("Task_ScheduleConsultation");
	}

	private void vote(String member, String vote) {
		Task task = visibleTasks(member).stream()
			.filter((candidate) -> "Task_VoteOnProjectIdea".equals(candidate.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow();
		as(member, () -> this.engine.getFormService()
			.submitTaskForm(task.getId(), Map.of("vote", vote, "voteComment", "Begründung von " + member)));
	}

	@Test
	void invalidInputIsRefusedInGermanAndTheTaskStaysOpen() {
		startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting());
		Task task = visibleTasks(DemoRoster.TREASURY).get(0);

		FormService forms = this.engine.getFormService();
		as(DemoRoster.TREASURY,
				() -> assertThatThrownBy(() -> forms.submitTaskForm(task.getId(), Map.of("statement", "objection")))
					.isInstanceOf(TaskInputException.class)
					.hasMessage("Die Eingaben sind unvollständig oder ungültig: „Begründung / Anmerkungen“ fehlt."));

		assertThat(visibleTasks(DemoRoster.TREASURY)).extracting(Task::getId).containsExactly(task.getId());
	}

	@Test
	void overTheRestApiRefusedInputIsA400WithTheGermanReason() {
		startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting());
		Task task = visibleTasks(DemoRoster.TREASURY).get(0);

		ResponseEntity<String> response = this.http.withBasicAuth(DemoRoster.TREASURY, DemoRoster.PASSWORD)
			.postForEntity("/engine-rest/task/{id}/submit-form",
					Map.of("variables", Map.of("statement", Map.of("value", "objection"))), String.class, task.getId());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("„Begründung / Anmerkungen“ fehlt.");
		assertThat(visibleTasks(DemoRoster.TREASURY)).extracting(Task::getId).containsExactly(task.getId());
	}

	@Test
	void theFilterOfGroupTasksShowsEachUserTheTasksOfTheirGroups() {
		startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting());

		assertThat(groupTasks(DemoRoster.TREASURY)).extracting(Task::getTaskDefinitionKey)
			.containsExactly("Task_CoSignProjectIdea");
		assertThat(groupTasks(DemoRoster.COMMITTEE_OFFICE)).isEmpty();
	}

	private List<Task> groupTasks(String userId) {
		List<String> thisProject = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
			.toList();
		return as(userId, () -> {
			FilterService filters = this.engine.getFilterService();
			Filter groupTasks = filters.createFilterQuery().filterName(TaskFilters.GROUP_TASKS).singleResult();
			assertThat(groupTasks).as("%s may read the filter", userId).isNotNull();
			return filters.<Task>listPage(groupTasks.getId(), 0, 100)
				.stream()
				.filter((task) -> thisProject.contains(task.getProcessInstanceId()))
				.toList();
		});
	}

	@Test
	void aTaskCannotChangeWhatItsFormDoesNotOffer() {
		startAs(DemoRoster.STAFF, ProjectIdeas.smartStreetLighting());
		Task task = visibleTasks(DemoRoster.IT).get(0);

		ResponseEntity<String> smuggled = this.http.withBasicAuth(DemoRoster.IT, DemoRoster.PASSWORD)
			.postForEntity("/engine-rest/task/{id}/submit-form",
					Map.of("variables", Map.of("statement", Map.of("value", "agreed"), "estimatedCost",
							Map.of("value", 50000), "boardDecision", Map.of("value", "approved"))),
					String.class, task.getId());
		ResponseEntity<String> setDirectly = this.http.withBasicAuth(DemoRoster.IT, DemoRoster.PASSWORD)
			.exchange("/engine-rest/task/{id}/variables/estimatedCost", HttpMethod.PUT,
					new HttpEntity<>(Map.of("value", 50000)), String.class, task.getId());
		ResponseEntity<String> patched = this.http.withBasicAuth(DemoRoster.IT, DemoRoster.PASSWORD)
			.postForEntity("/engine-rest/task/{id}/variables",
					Map.of("modifications", Map.of("estimatedCost", Map.of("value", 40000, "type", "Integer")),
							"deletions", List.of("needGap")),
					String.class, task.getId());

		assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(smuggled.getBody()).contains("„Geschätzte Kosten (EUR)“ kann hier nicht geändert werden.")
			.contains("„boardDecision“ gehört nicht zu diesem Formular.");
		assertThat(setDirectly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(patched.getStatusCode()).as("modifications and deletions in one request")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.engine.getRuntimeService().getVariable(task.getExecutionId(), "needGap")).isNotNull();
		assertThat(this.engine.getRuntimeService().getVariable(task.getExecutionId(), "estimatedCost"))
			.isEqualTo(240000);
		assertThat(visibleTasks(DemoRoster.IT)).extracting(Task::getId).containsExactly(task.getId());
	}

	@Test
	void staffCannotStartAProjectInTheMiddle() {
		ResponseEntity<String> response = this.http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.postForEntity("/engine-rest/process-definition/{id}/start",
					Map.of("businessKey", this.businessKey, "startInstructions", List
						.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SetUpProjectOrganisation"))),
					String.class, projectDefinitionId());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.count()).isZero();
	}

	private String projectDefinitionId() {
		return this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(this.models.deploymentId())
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.singleResult()
			.getId();
	}

	@Test
	void nobodyOutsideStaffStartsAProject() {
		assertThatThrownBy(() -> startAs(DemoRoster.TREASURY, ProjectIdeas.smartStreetLighting()))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
	}

	private String coSigningInstance(String projectId) {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(projectId)
			.processDefinitionKey("DepartmentCoSigningProcess")
			.singleResult()
			.getId();
	}

	private String startAs(String userId, VariableMap idea) {
		return as(userId,
				() -> this.engine.getFormService()
					.submitStartForm(projectDefinitionId(), this.businessKey, idea)
					.getId());
	}

	/**
	 * The user finds the task among the tasks they may see, claims it and submits its
	 * form.
	 */
	private void work(String userId, String taskDefinitionKey, Map<String, Object> input) {
		ProjectWork.work(this.engine, this.businessKey, userId, taskDefinitionKey, input);
	}

	private List<Task> visibleTasks(String userId) {
		return ProjectWork.visibleTasks(this.engine, this.businessKey, userId);
	}

	private <T> T as(String userId, Supplier<T> action) {
		return DemoRoster.as(this.engine, userId, action);
	}

	private void as(String userId, Runnable action) {
		as(userId, () -> {
			action.run();
			return null;
		});
	}

}
