package de.ratsweg.migration;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.Dates;
import de.ratsweg.record.Decision;
import de.ratsweg.record.ProjectRecords;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Smart-City project runs for more than a year; meanwhile the administration changes
 * its processes. Projects waiting for the departments, at the board, between two
 * committees and in the funding application move to the new version with everything they
 * were doing; one waiting at a step the new version no longer has stays where it is until
 * the administrator says which new step it corresponds to.
 */
@RatswegSpringTest
class ProjectMigrationTest {

	private static final String PROJECT = "SmartCityProjectProcess";

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ProcessEngine engine;

	private final ProjectMigration migration;

	private final ProjectRecords records;

	private final TestRestTemplate http;

	private String newVersion;

	@Autowired
	ProjectMigrationTest(ProcessEngine engine, ProjectMigration migration, ProjectRecords records,
			TestRestTemplate http) {
		this.engine = engine;
		this.migration = migration;
		this.records = records;
		this.http = http;
	}

	@AfterEach
	void removeTheNewVersion() {
		ProcessModels.undeploy(this.engine, this.newVersion);
	}

	@Test
	void projectsInEveryPhaseMoveToTheNewVersionAndKeepWhatTheyWereDoing() {
		String coSigning = projectStarted("mig-cosigning");
		String board = projectStarted("mig-board");
		coSignEverything(board);
		String committees = projectStarted("mig-committees");
		approvedByTheBoard(committees);
		firstCommitteeResolves(committees);
		String funding = projectStarted("mig-funding");
		approvedByTheBoard(funding);
		everyCommitteeResolves(funding);
		List<String> moving = List.of(coSigning, board, committees, funding);
		Map<String, State> before = new TreeMap<>();
		moving.forEach((key) -> before.put(key, stateOf(key)));
		assertThat(before.get(coSigning).tasks()).as("one co-signing task per department (multi-instance)")
			.hasSizeGreaterThan(2);
		assertThat(before.get(coSigning).timers()).as("the co-signing deadlines").isNotEmpty();
		assertThat(before.get(committees).tasks().values()).as("between two committees")
			.contains("Task_ScheduleConsultation");
		assertThat(before.get(funding).tasks().values()).contains("Task_SelectFundingProgramme");

		this.newVersion = deployTheChangedProcesses();
		ProjectMigration.Outcome outcome = this.migration.migrate(PROJECT, ids(moving), Map.of(), DemoRoster.ADMIN);
		runBatches();

		ProcessDefinition newest = this.migration.newest(PROJECT).orElseThrow();
		assertThat(outcome.toVersion()).isEqualTo(newest.getVersion());
		assertThat(outcome.refused()).isEmpty();
		assertThat(outcome.accepted()).hasSize(4);
		for (String key : moving) {
			assertThat(definitionsOf(key)).as("%s and every process it called run on the new deployment", key)
				.allMatch((definition) -> definition.getDeploymentId().equals(this.newVersion));
			State after = stateOf(key);
			assertThat(after.tasks()).as("%s keeps its open tasks", key).isEqualTo(before.get(key).tasks());
			assertThat(after.dueDates()).as("%s keeps its deadlines", key).isEqualTo(before.get(key).dueDates());
			assertThat(after.timers()).as("%s keeps its timers", key).isEqualTo(before.get(key).timers());
			assertThat(decisionsOf(key)).as("the decision record of %s", key)
				.anySatisfy((decision) -> assertThat(decision.outcome())
					.isEqualTo("auf Version " + newest.getVersion() + " umgestellt"))
				.filteredOn((decision) -> "Ablauf umgestellt".equals(decision.step()))
				.singleElement()
				.satisfies((decision) -> {
					assertThat(decision.actorId()).isEqualTo(DemoRoster.ADMIN);
					assertThat(decision.time()).isNotNull();
				});
		}
		approvedByTheBoard(coSigning);
		assertThat(decisionsOf(coSigning)).as("the move is recorded once, however many processes it went through")
			.filteredOn((decision) -> "Ablauf umgestellt".equals(decision.step()))
			.hasSize(1);
		assertThat(definitionsOf(coSigning)).as("the project goes on in the new version")
			.allMatch((definition) -> definition.getDeploymentId().equals(this.newVersion));
		assertThat(this.migration.versions(PROJECT)).as("the page lists them on the new version")
			.filteredOn((group) -> group.version() == newest.getVersion())
			.flatMap(ProjectMigration.VersionGroup::projects)
			.extracting(ProjectMigration.RunningProject::businessKey)
			.containsAll(moving);
	}

	@Test
	void aProjectAtAStepTheNewVersionNoLongerHasStaysUntilTheStepIsMapped() {
		String revision = sentBackForRevision("mig-revision");
		State before = stateOf(revision);
		assertThat(before.tasks().values()).containsExactly("Task_ReviseProjectIdea");
		this.newVersion = deployTheChangedProcesses();

		ProjectMigration.Outcome refused = this.migration.migrate(PROJECT, ids(List.of(revision)), Map.of(),
				DemoRoster.ADMIN);

		assertThat(refused.accepted()).isEmpty();
		assertThat(refused.batchIds()).isEmpty();
		assertThat(refused.refused()).singleElement().satisfies((refusal) -> {
			assertThat(refusal.label()).isEqualTo(revision);
			assertThat(String.join(" ", refusal.reasons())).contains("Wartet bei „Projektidee überarbeiten“",
					"(Task_ReviseProjectIdea)", "nicht mehr");
		});
		assertThat(stateOf(revision)).as("left untouched").isEqualTo(before);
		assertThat(definitionsOf(revision))
			.noneMatch((definition) -> definition.getDeploymentId().equals(this.newVersion));
		assertThat(this.migration.proposals(PROJECT, Map.of()))
			.filteredOn((proposal) -> proposal.unmatched()
				.stream()
				.anyMatch((unmatched) -> unmatched.step().id().equals("Task_ReviseProjectIdea")))
			.isNotEmpty()
			.allSatisfy((proposal) -> assertThat(proposal.unmatched())
				.filteredOn((unmatched) -> unmatched.step().id().equals("Task_ReviseProjectIdea"))
				.singleElement()
				.satisfies((unmatched) -> assertThat(unmatched.options()).extracting(ProjectMigration.Step::id)
					.as("the new steps of the same kind")
					.containsExactlyInAnyOrder("Task_ReworkProjectIdea", "Task_InformThePress")));

		ProjectMigration.Outcome mapped = this.migration.migrate(PROJECT, ids(List.of(revision)),
				Map.of("Task_ReviseProjectIdea", "Task_ReworkProjectIdea"), DemoRoster.ADMIN);
		runBatches();

		assertThat(mapped.refused()).isEmpty();
		assertThat(stateOf(revision).tasks()).as("the same task, now at the renamed step")
			.containsOnlyKeys(before.tasks().keySet())
			.containsValue("Task_ReworkProjectIdea");
		assertThat(stateOf(revision).dueDates()).isEqualTo(before.dueDates());
	}

	/**
	 * The administrator's page: the project at the removed step is listed with it, the
	 * step is mapped in the page, and the project moves; a mapping the engine cannot
	 * carry out is shown with the engine's reason in German.
	 */
	@Test
	void theAdministratorMapsTheRemovedStepInThePageAndMovesTheProject() {
		String revision = sentBackForRevision("mig-page");
		this.newVersion = deployTheChangedProcesses();
		String projectId = ids(List.of(revision)).get(0);
		WebappSession admin = WebappSession.login(this.http, "welcome", DemoRoster.ADMIN, DemoRoster.PASSWORD);

		String page = admin.get("/prozesse/umstellen/" + PROJECT).getBody();
		assertThat(page).contains(revision, "Projektidee überarbeiten (Task_ReviseProjectIdea)",
				"<option value=\"Task_ReworkProjectIdea\"", "Ausgewählte Vorhaben umstellen");

		String token = csrfToken(page);
		String impossible = admin
			.postForm("/prozesse/umstellen/" + PROJECT, Map.of("_csrf", token, "aktion", "pruefen",
					"zuordnung:Task_ReviseProjectIdea", "Gateway_BoardDecision"))
			.getBody();
		assertThat(impossible).as("a task mapped to a gateway")
			.contains("Die Engine lehnt den Plan so ab:", "Task_ReviseProjectIdea → Gateway_BoardDecision");

		String moved = admin
			.postForm("/prozesse/umstellen/" + PROJECT, Map.of("_csrf", token, "aktion", "umstellen", "vorhaben",
					projectId, "zuordnung:Task_ReviseProjectIdea", "Task_ReworkProjectIdea"))
			.getBody();
		assertThat(moved).contains("1 Vorhaben werden auf Version "
				+ this.migration.newest(PROJECT).orElseThrow().getVersion() + " umgestellt");
		runBatches();
		assertThat(stateOf(revision).tasks()).containsValue("Task_ReworkProjectIdea");
	}

	private static String csrfToken(String page) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).as("the page's form carries a CSRF token").isTrue();
		return token.group(1);
	}

	/**
	 * A project keeps the path it started on until an administrator moves it: the
	 * processes it calls later come from its own deployment (call activities bind to
	 * {@code deployment}), while decision tables apply as they are now (they bind to
	 * {@code latest}: the Zuständigkeitsordnung in force decides).
	 */
	@Test
	void aNewVersionChangesNeitherTheCalledProcessesNorTheFormsOfAProjectUntilItIsMoved() {
		String started = projectStarted("mig-binding");
		coSignEverything(started);
		agendaPrepared(started);
		String startedOn = definitionsOf(started).get(0).getDeploymentId();
		this.newVersion = deployTheChangedProcesses();

		work(started, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "boardRemarks", "Freigegeben", "chefsache", false));

		assertThat(definitionsOf(started)).as("the committees are called from the project's own deployment")
			.extracting(ProcessDefinition::getKey, ProcessDefinition::getDeploymentId)
			.contains(org.assertj.core.groups.Tuple.tuple("CommitteeResolutionProcess", startedOn))
			.doesNotContain(org.assertj.core.groups.Tuple.tuple("CommitteeResolutionProcess", this.newVersion));
		assertThat(open(started, "Task_ScheduleConsultation")).extracting(Task::getName)
			.as("with the old name of the step")
			.singleElement()
			.asString()
			.startsWith("Sitzungstermin festlegen – ");
		assertThat(this.engine.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.processInstanceId(this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(started)
				.processDefinitionKey("CommitteeResolutionProcess")
				.singleResult()
				.getId())
			.decisionDefinitionKey("ResponsibleCommitteesDecision")
			.list()).as("the responsible committees come from the newest table")
			.singleElement()
			.satisfies((decision) -> assertThat(this.engine.getRepositoryService()
				.getDecisionDefinition(decision.getDecisionDefinitionId())
				.getDeploymentId()).isEqualTo(this.newVersion));

		String later = projectStarted("mig-binding-later");
		approvedByTheBoard(later);
		assertThat(open(later, "Task_ScheduleConsultation")).extracting(Task::getName)
			.as("a project started on the new version has the new name")
			.singleElement()
			.asString()
			.startsWith("Sitzungstermin mit dem Gremium festlegen – ");
	}

	/**
	 * The next version: the board's "revise" step has a new id and name (mapped by hand),
	 * a committee step a new name (same id), and the press is informed before the project
	 * organisation (a new step).
	 */
	private String deployTheChangedProcesses() {
		return ProcessModels.deployChanged(this.engine, Map.of(PROJECT + ".bpmn", (xml) -> xml
			.replace("Task_ReviseProjectIdea", "Task_ReworkProjectIdea")
			.replace("name=\"Projektidee überarbeiten\"", "name=\"Projektidee nacharbeiten\"")
			.replace("<bpmn:incoming>SequenceFlow_ToProjectOrganisation</bpmn:incoming>",
					"<bpmn:incoming>SequenceFlow_PressInformed</bpmn:incoming>")
			.replace(
					"<bpmn:sequenceFlow id=\"SequenceFlow_ToProjectOrganisation\" sourceRef=\"Gateway_FinancingSecured\" "
							+ "targetRef=\"Task_SetUpProjectOrganisation\" />",
					"<bpmn:sequenceFlow id=\"SequenceFlow_ToProjectOrganisation\" sourceRef=\"Gateway_FinancingSecured\" "
							+ "targetRef=\"Task_InformThePress\" />\n"
							+ "    <bpmn:userTask id=\"Task_InformThePress\" name=\"Presse informieren\" "
							+ "camunda:formRef=\"SetUpProjectOrganisationForm\" camunda:formRefBinding=\"deployment\" "
							+ "camunda:candidateGroups=\"sachbearbeitung\" "
							+ "camunda:dueDate=\"${dateTime().plusDays(5).toDate()}\">\n"
							+ "      <bpmn:incoming>SequenceFlow_ToProjectOrganisation</bpmn:incoming>\n"
							+ "      <bpmn:outgoing>SequenceFlow_PressInformed</bpmn:outgoing>\n"
							+ "    </bpmn:userTask>\n"
							+ "    <bpmn:sequenceFlow id=\"SequenceFlow_PressInformed\" sourceRef=\"Task_InformThePress\" "
							+ "targetRef=\"Task_SetUpProjectOrganisation\" />"),
				"CommitteeResolutionProcess.bpmn", (xml) -> xml.replace("name=\"Sitzungstermin festlegen\"",
						"name=\"Sitzungstermin mit dem Gremium festlegen\"")));
	}

	private String projectStarted(String prefix) {
		String businessKey = prefix + "-" + System.nanoTime();
		DemoRoster.as(this.engine, DemoRoster.STAFF, () -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROJECT, businessKey, ProjectIdeas.smartStreetLighting()));
		return businessKey;
	}

	private void coSignEverything(String businessKey) {
		work(businessKey, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
	}

	private void agendaPrepared(String businessKey) {
		work(businessKey, "Task_PrepareBoardAgendaItem", Map.of("agendaSummary", "Vorlage für den Verwaltungsvorstand",
				"decisionMode", "meeting", "boardMeetingDate", Dates.today().plusDays(6).toString()));
	}

	/** A project the board sent back: it waits at "Projektidee überarbeiten". */
	private String sentBackForRevision(String prefix) {
		String businessKey = projectStarted(prefix);
		coSignEverything(businessKey);
		agendaPrepared(businessKey);
		work(businessKey, "Task_RecordBoardDecision",
				Map.of("boardDecision", "revise", "boardRemarks", "Kosten darstellen", "chefsache", false));
		return businessKey;
	}

	private void approvedByTheBoard(String businessKey) {
		coSignEverything(businessKey);
		agendaPrepared(businessKey);
		work(businessKey, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "boardRemarks", "Freigegeben", "chefsache", false));
	}

	private void firstCommitteeResolves(String businessKey) {
		// the session is today: its result can be recorded right away
		work(businessKey, "Task_ScheduleConsultation",
				Map.of("meetingDate", Dates.today().toString(), "shortNoticeConfirmed", true));
		work(businessKey, "Task_SubmitResolutionPaper",
				Map.of("paperReference", "2026/0815", "paperSummary", "Der Ausschuss empfiehlt das Vorhaben."));
		work(businessKey, "Task_RecordCommitteeResult",
				Map.of("committeeResult", "passed", "resolutionText", "Einstimmig beschlossen"));
	}

	private void everyCommitteeResolves(String businessKey) {
		while (!open(businessKey, "Task_ScheduleConsultation").isEmpty()) {
			firstCommitteeResolves(businessKey);
		}
	}

	/** Completes every open task of that kind in the project, as its people would. */
	private void work(String businessKey, String taskKey, Map<String, Object> input) {
		List<Task> tasks = open(businessKey, taskKey);
		assertThat(tasks).as("open %s in %s", taskKey, businessKey).isNotEmpty();
		for (Task task : tasks) {
			this.engine.getFormService().submitTaskForm(task.getId(), Variables.fromMap(input));
		}
	}

	private List<Task> open(String businessKey, String taskKey) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.list();
	}

	/** What a project is doing: its open tasks, their deadlines and its timers. */
	private State stateOf(String businessKey) {
		Map<String, String> tasks = new TreeMap<>();
		Map<String, Date> dueDates = new TreeMap<>();
		for (Task task : this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.list()) {
			tasks.put(task.getId(), task.getTaskDefinitionKey());
			dueDates.put(task.getId(), task.getDueDate());
		}
		List<String> timers = new ArrayList<>();
		for (ProcessInstance instance : instancesOf(businessKey)) {
			for (Job job : this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.timers()
				.list()) {
				timers.add(job.getId() + "@" + job.getDuedate().toInstant());
			}
		}
		timers.sort(String::compareTo);
		return new State(tasks, dueDates, timers);
	}

	private List<ProcessInstance> instancesOf(String businessKey) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.list();
	}

	private List<ProcessDefinition> definitionsOf(String businessKey) {
		return instancesOf(businessKey).stream()
			.map((instance) -> this.engine.getRepositoryService()
				.getProcessDefinition(instance.getProcessDefinitionId()))
			.toList();
	}

	private List<String> ids(List<String> businessKeys) {
		return businessKeys.stream()
			.map((key) -> this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(key)
				.processDefinitionKey(PROJECT)
				.singleResult()
				.getId())
			.toList();
	}

	private List<Decision> decisionsOf(String businessKey) {
		return this.records.recordOf(businessKey, DemoRoster.ADMIN).decisions();
	}

	/** Runs the migration batches as the job executor would: seed, migration, monitor. */
	private void runBatches() {
		ProcessModels.runBatches(this.engine);
	}

	private record State(Map<String, String> tasks, Map<String, Date> dueDates, List<String> timers) {
	}

}
