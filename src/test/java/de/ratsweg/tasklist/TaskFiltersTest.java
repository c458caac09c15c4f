package de.ratsweg.tasklist;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters of Tasklist: each role finds its work under a German name, with the
 * project, municipality, costs and deadline as columns, and the filters stay as defined
 * however often Ratsweg starts.
 */
@RatswegSpringTest
class TaskFiltersTest {

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	private final TaskFilters taskFilters;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	TaskFiltersTest(ProcessEngine engine, TestRestTemplate http, TaskFilters taskFilters) {
		this.engine = engine;
		this.http = http;
		this.taskFilters = taskFilters;
	}

	@Test
	void everyFilterExistsOnceAndComesBackAsDefinedAfterAChange() {
		FilterService filters = this.engine.getFilterService();
		Filter board = filters.createFilterQuery().filterName(TaskFilters.BOARD_APPROVALS).singleResult();
		board.setQuery(this.engine.getTaskService().createTaskQuery().taskAssignee("someone"));
		filters.saveFilter(board);
		filters.saveFilter(
				filters.newTaskFilter(TaskFilters.OVERDUE).setQuery(this.engine.getTaskService().createTaskQuery()));

		this.taskFilters.ensure();
		this.taskFilters.ensure();

		for (String name : List.of(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS, TaskFilters.BOARD_APPROVALS,
				TaskFilters.COMMITTEE_CONSULTATIONS, TaskFilters.OVERDUE)) {
			assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
		}
		Filter restored = filters.getFilter(board.getId());
		assertThat(restored.getQuery().toString()).doesNotContain("someone");
		assertThat(restored.getProperties()).containsEntry("description",
				"Entscheidungen des Verwaltungsvorstands: Vorlagen, Abstimmungen im Umlauf, Finanzierung");
	}

	@Test
	void eachRoleSeesTheFiltersSharedWithItsGroups() {
		assertThat(filterNames(DemoRoster.BOARD_MEMBER)).containsExactly(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS,
				TaskFilters.BOARD_APPROVALS, TaskFilters.OVERDUE);
		assertThat(filterNames(DemoRoster.COMMITTEE_OFFICE)).containsExactly(TaskFilters.MY_TASKS,
				TaskFilters.GROUP_TASKS, TaskFilters.COMMITTEE_CONSULTATIONS, TaskFilters.OVERDUE);
		assertThat(filterNames(DemoRoster.STAFF)).containsExactly(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS,
				TaskFilters.OVERDUE);
	}

	@Test
	void tasklistShowsProjectMunicipalityCostsAndDeadlineAsColumns() {
		String project = startProject();
		String groupTasks = filterId(TaskFilters.GROUP_TASKS);

		Map<String, Object> list = hal(DemoRoster.TREASURY, "/engine-rest/filter/" + groupTasks + "/list");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) ((Map<String, Object>) list.get("_embedded"))
			.get("task");
		Map<String, Object> coSigning = tasks.stream()
			.filter((task) -> project.equals(task.get("processInstanceId")) || isCalledBy(project, task))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) coSigning
			.get("_embedded")).get("variable");
		Map<String, Object> columns = new java.util.HashMap<>();
		variables.forEach((variable) -> columns.put((String) variable.get("name"), variable.get("value")));
		assertThat(columns).containsEntry(TaskColumns.PROJECT, ProjectIdeas.TITLE)
			.containsEntry(TaskColumns.MUNICIPALITY, "Stadt Soest")
			.containsEntry(TaskColumns.COST, "240.000\u00a0€")
			.containsEntry(TaskColumns.DEADLINE,
					TaskColumns.deadline(this.engine.getTaskService()
						.createTaskQuery()
						.taskId((String) coSigning.get("id"))
						.singleResult()
						.getDueDate()));
		assertThat(list.get("count")).isNotNull();
	}

	@Test
	void theBoardFilterListsTheVotesAndTheOverdueFilterOnlyWhatIsLate() {
		startProject();
		String project = startProject();
		for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.ENVIRONMENT,
				DemoRoster.DATA_PROTECTION)) {
			for (Task task : visibleCoSigning(user)) {
				DemoRoster.as(this.engine, user, () -> {
					this.engine.getFormService().submitTaskForm(task.getId(), Map.of("statement", "agreed"));
					return null;
				});
			}
		}
		Task prepare = DemoRoster
			.as(this.engine, DemoRoster.BOARD_OFFICE,
					() -> this.engine.getTaskService()
						.createTaskQuery()
						.taskDefinitionKey("Task_PrepareBoardAgendaItem")
						.processVariableValueEquals("projectTitle", ProjectIdeas.TITLE)
						.listPage(0, 100))
			.stream()
			.filter((task) -> isCalledBy(project, Map.of("processInstanceId", task.getProcessInstanceId())))
			.findFirst()
			.orElseThrow();
		DemoRoster.as(this.engine, DemoRoster.BOARD_OFFICE, () -> {
			this.engine.getFormService()
				.submitTaskForm(prepare.getId(), Map.of("agendaSummary", "Pilot in der Innenstadt", "decisionMode",
						"circulation", "votingDays", 3));
			return null;
		});

		List<Task> boardApprovals = filtered(DemoRoster.BOARD_MEMBER, TaskFilters.BOARD_APPROVALS);
		assertThat(boardApprovals).extracting(Task::getTaskDefinitionKey).contains("Task_VoteOnProjectIdea");
		assertThat(boardApprovals)
			.allSatisfy((task) -> assertThat(TaskFilters.BOARD_TASKS).contains(task.getTaskDefinitionKey()));

		Task vote = boardApprovals.stream()
			.filter((task) -> "Task_VoteOnProjectIdea".equals(task.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow();
		assertThat(filtered(DemoRoster.BOARD_MEMBER, TaskFilters.OVERDUE)).extracting(Task::getId)
			.doesNotContain(vote.getId());
		Task late = this.engine.getTaskService().createTaskQuery().taskId(vote.getId()).singleResult();
		late.setDueDate(new Date(System.currentTimeMillis() - 60_000));
		this.engine.getTaskService().saveTask(late);
		assertThat(filtered(DemoRoster.BOARD_MEMBER, TaskFilters.OVERDUE)).extracting(Task::getId)
			.contains(vote.getId())
			.allSatisfy((id) -> assertThat(
					this.engine.getTaskService().createTaskQuery().taskId(id).singleResult().getDueDate())
				.isBefore(new Date()));
	}

	private List<Task> visibleCoSigning(String user) {
		return DemoRoster.as(this.engine, user,
				() -> this.engine.getTaskService()
					.createTaskQuery()
					.taskDefinitionKey("Task_CoSignProjectIdea")
					.listPage(0, 100));
	}

	private boolean isCalledBy(String project, Map<String, Object> task) {
		String instance = (String) task.get("processInstanceId");
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(instance)
			.superProcessInstanceId(project)
			.count() > 0 || project.equals(instance);
	}

	private String startProject() {
		return DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", "soest-" + System.nanoTime(),
							ProjectIdeas.smartStreetLighting())
					.getId());
	}

	private List<String> filterNames(String user) {
		return DemoRoster.as(this.engine, user,
				() -> this.engine.getFilterService()
					.createFilterQuery()
					.orderByFilterId()
					.asc()
					.listPage(0, 100)
					.stream()
					.sorted(java.util.Comparator
						.comparing((Filter filter) -> ((Number) filter.getProperties().get("priority")).intValue())
						.thenComparing(Filter::getName))
					.map(Filter::getName)
					.toList());
	}

	private List<Task> filtered(String user, String filterName) {
		String id = filterId(filterName);
		return DemoRoster.as(this.engine, user, () -> this.engine.getFilterService().<Task>listPage(id, 0, 200));
	}

	private String filterId(String name) {
		return this.engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> hal(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> response = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
			.exchange(path + "?firstResult=0&maxResults=50", HttpMethod.POST, new HttpEntity<>("{}", headers),
					Map.class);
		assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
		return response.getBody();
	}

}
