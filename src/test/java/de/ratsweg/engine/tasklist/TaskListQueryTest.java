package de.ratsweg.engine.tasklist;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.tasklist.TaskFilters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratsweg's task list query shows exactly the tasks the engine's own query shows: on
 * random tasks of several municipalities, random grants to users, groups and everyone, on
 * tasks, on process definitions and on every resource, and for random users with random
 * groups and municipalities, for Tasklist's filters and for plain and combined queries,
 * lists, pages and counts alike.
 */
@RatswegSpringTest
class TaskListQueryTest {

	private static final List<String> TENANTS = List.of("arnsberg", "menden", "soest");

	private static final List<String> GROUPS = List.of(RatswegGroups.workGroupIds());

	private static final List<String> USERS = List.of("zufall-a", "zufall-b", "zufall-c");

	/** More than the random tasks; the engine refuses unbounded lists. */
	private static final int ALL = 500;

	private final ProcessEngine engine;

	private final List<String> deployments = new ArrayList<>();

	private final List<String> authorizations = new ArrayList<>();

	@Autowired
	TaskListQueryTest(ProcessEngine engine) {
		this.engine = engine;
	}

	@AfterEach
	void removeTheRandomData() {
		this.authorizations.forEach((id) -> this.engine.getAuthorizationService().deleteAuthorization(id));
		this.deployments.forEach((id) -> this.engine.getRepositoryService().deleteDeployment(id, true, true));
		this.authorizations.clear();
		this.deployments.clear();
	}

	@Test
	void everyUserSeesTheSameTasksAsWithTheEnginesOwnQuery() {
		for (long seed = 1; seed <= 3; seed++) {
			Random random = new Random(seed);
			createRandomTasksAndGrants(random);
			for (int round = 0; round < 12; round++) {
				String user = USERS.get(random.nextInt(USERS.size()));
				List<String> groups = someOf(GROUPS, random);
				List<String> tenants = someOf(TENANTS, random);
				this.engine.getIdentityService().setAuthentication(user, groups, tenants);
				try {
					String who = "seed %d, round %d: %s in %s of %s".formatted(seed, round, user, groups, tenants);
					compare(who + ", all tasks",
							() -> this.engine.getTaskService().createTaskQuery().orderByTaskId().asc());
					compare(who + ", candidate groups",
							() -> this.engine.getTaskService()
								.createTaskQuery()
								.taskCandidateGroupIn(groups.isEmpty() ? GROUPS : groups)
								.orderByDueDate()
								.asc()
								.orderByTaskId()
								.asc());
					compare(who + ", unassigned or mine",
							() -> this.engine.getTaskService()
								.createTaskQuery()
								.or()
								.taskUnassigned()
								.taskAssignee(user)
								.endOr()
								.processDefinitionKey("ZufallsProcess")
								.orderByTaskId()
								.desc());
					compareFilters(who);
				}
				finally {
					this.engine.getIdentityService().clearAuthentication();
				}
			}
			removeTheRandomData();
		}
	}

	private void compareFilters(String who) {
		for (Filter filter : this.engine.getFilterService().createTaskFilterQuery().listPage(0, ALL)) {
			if (!List.of(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS, TaskFilters.OVERDUE)
				.contains(filter.getName())) {
				continue;
			}
			String name = who + ", filter " + filter.getName();
			List<String> ours = ids(() -> this.engine.getFilterService().listPage(filter.getId(), 0, ALL));
			long ourCount = this.engine.getFilterService().count(filter.getId());
			List<String> theirs = withTheEnginesQuery(
					() -> ids(() -> this.engine.getFilterService().listPage(filter.getId(), 0, ALL)));
			long theirCount = withTheEnginesQuery(() -> this.engine.getFilterService().count(filter.getId()));
			assertThat(ours).as(name).containsExactlyInAnyOrderElementsOf(theirs);
			assertThat(ourCount).as(name).isEqualTo(theirCount).isEqualTo(theirs.size());
		}
	}

	private void compare(String name, Supplier<TaskQuery> query) {
		List<String> ours = ids(() -> query.get().listPage(0, ALL));
		List<String> theirs = withTheEnginesQuery(() -> ids(() -> query.get().listPage(0, ALL)));
		assertThat(ours).as(name).containsExactlyElementsOf(theirs);
		assertThat(query.get().count()).as(name)
			.isEqualTo(withTheEnginesQuery(() -> query.get().count()))
			.isEqualTo(theirs.size());
		assertThat(ids(() -> query.get().listPage(3, 15))).as(name + ", page 2")
			.containsExactlyElementsOf(withTheEnginesQuery(() -> ids(() -> query.get().listPage(3, 15))));
	}

	/** Runs the action with the engine's own statements for task queries. */
	private <T> T withTheEnginesQuery(Supplier<T> action) {
		DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getDbSqlSessionFactory();
		Map<String, String> ours = sessions.getStatementMappings();
		assertThat(ours).containsKeys(TaskListQuery.LIST, TaskListQuery.COUNT);
		Map<String, String> engines = new HashMap<>(ours);
		engines.remove(TaskListQuery.LIST);
		engines.remove(TaskListQuery.COUNT);
		sessions.setStatementMappings(engines);
		try {
			return action.get();
		}
		finally {
			sessions.setStatementMappings(ours);
		}
	}

	private static List<String> ids(Supplier<List<Task>> tasks) {
		return tasks.get().stream().map(Task::getId).toList();
	}

	/**
	 * Tasks of one process deployed for each municipality and once for all, offered to
	 * random groups, some assigned, with random due dates; random grants on them, on the
	 * process and on everything, for users, groups and everyone, some with permissions
	 * that do not show a task.
	 */
	private void createRandomTasksAndGrants(Random random) {
		BpmnModelInstance model = Bpmn.createExecutableProcess("ZufallsProcess")
			.name("Zufallsaufgaben")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_Random")
			.name("Zufällige Aufgabe")
			.camundaCandidateGroups("${groups}")
			.camundaAssignee("${assignee}")
			.camundaDueDate("${due}")
			.endEvent()
			.done();
		List<String> definitions = new ArrayList<>();
		for (String tenant : List.of("", "arnsberg", "menden", "soest")) {
			var deployment = this.engine.getRepositoryService()
				.createDeployment()
				.name("Zufall")
				.addModelInstance("zufall.bpmn", model);
			if (!tenant.isEmpty()) {
				deployment.tenantId(tenant);
			}
			var deployed = deployment.deployWithResult();
			this.deployments.add(deployed.getId());
			definitions.add(deployed.getDeployedProcessDefinitions().get(0).getId());
		}
		List<String> taskIds = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String definition = definitions.get(random.nextInt(definitions.size()));
			String assignee = (random.nextInt(4) == 0) ? USERS.get(random.nextInt(USERS.size())) : null;
			Date due = new Date(System.currentTimeMillis() + (random.nextInt(40) - 20) * 86_400_000L);
			String processInstance = this.engine.getRuntimeService()
				.startProcessInstanceById(definition,
						Variables.createVariables()
							.putValue("groups", someOf(GROUPS, random))
							.putValue("assignee", assignee)
							.putValue("due", due))
				.getId();
			taskIds.add(this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(processInstance)
				.singleResult()
				.getId());
		}
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		for (int i = 0; i < 40; i++) {
			// mostly grants on single tasks, a few on the process, on everything, for
			// everyone
			int kind = random.nextInt(20);
			Authorization grant = authorizations
				.createNewAuthorization((kind >= 17) ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
			if (kind >= 17) {
				grant.setUserId(Authorization.ANY);
			}
			else if (kind >= 14 || random.nextBoolean()) {
				grant.setUserId(USERS.get(random.nextInt(USERS.size())));
			}
			else {
				grant.setGroupId(GROUPS.get(random.nextInt(GROUPS.size())));
			}
			Permission permission;
			if (kind == 15 || kind == 16) {
				grant.setResource(Resources.PROCESS_DEFINITION);
				grant.setResourceId((kind == 15) ? "ZufallsProcess" : Authorization.ANY);
				permission = (random.nextInt(3) == 0) ? ProcessDefinitionPermissions.READ
						: ProcessDefinitionPermissions.READ_TASK;
			}
			else {
				grant.setResource(Resources.TASK);
				grant.setResourceId((kind == 14) ? Authorization.ANY : taskIds.get(random.nextInt(taskIds.size())));
				permission = (random.nextInt(5) == 0) ? Permissions.UPDATE : Permissions.READ;
			}
			if (isNew(grant)) {
				grant.addPermission(permission);
				this.authorizations.add(authorizations.saveAuthorization(grant).getId());
			}
		}
	}

	/** The engine allows one authorization per kind, user or group, and resource. */
	private boolean isNew(Authorization grant) {
		var existing = this.engine.getAuthorizationService()
			.createAuthorizationQuery()
			.authorizationType(grant.getAuthorizationType())
			.resourceType(grant.getResourceType())
			.resourceId(grant.getResourceId());
		return ((grant.getUserId() != null) ? existing.userIdIn(grant.getUserId())
				: existing.groupIdIn(grant.getGroupId()))
			.count() == 0;
	}

	private static List<String> someOf(List<String> values, Random random) {
		List<String> some = new ArrayList<>();
		for (String value : values) {
			if (random.nextInt(3) == 0) {
				some.add(value);
			}
		}
		return some;
	}

}
