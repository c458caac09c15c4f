package de.ratsweg.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.TestProfiles;
import de.ratsweg.RestWork;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.AccessRules.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo user (role × municipality) tries every operation through the engine REST
 * API; each must succeed exactly where {@link AccessRules} says so, and never in the
 * other municipality. The matrix is written to {@code target/security/access-matrix.md}.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_TAG)
class AccessMatrixTest {

	private static final String TASKS_PROCESS = "AccessMatrixProcess";

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final RestWork rest;

	private final List<String> deploymentIds = new ArrayList<>();

	/** The project each municipality's staff started, for the history checks. */
	private final Map<String, String> projectOf = new LinkedHashMap<>();

	@Autowired
	AccessMatrixTest(ApplicationContext context, ProcessEngine engine, TestRestTemplate http) {
		this.context = context;
		this.engine = engine;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@BeforeEach
	void modelsAndAProjectInEachMunicipality() {
		DemoRoster.createIn(this.context);
		this.deploymentIds.add(ProcessModels.deployMunicipalProcesses(this.engine));
		this.deploymentIds.add(this.engine.getRepositoryService()
			.createDeployment()
			.name("access-matrix")
			.addModelInstance(TASKS_PROCESS + ".bpmn", oneTaskPerGroup())
			.deploy()
			.getId());
		for (String staff : List.of(DemoRoster.STAFF, DemoRoster.MENDEN_STAFF)) {
			String municipality = DemoRoster.tenantOf(staff);
			this.projectOf.put(municipality, as(staff, municipality,
					() -> this.engine.getRuntimeService()
						.startProcessInstanceByKey("SmartCityProjectProcess", ProjectIdeas.smartStreetLighting())
						.getId()));
		}
	}

	@AfterEach
	void removeTheModels() {
		this.deploymentIds.forEach((id) -> ProcessModels.undeploy(this.engine, id));
		for (String userId : this.engine.getIdentityService()
			.createUserQuery()
			.userIdIn("matrixneu")
			.unlimitedList()
			.stream()
			.map(org.camunda.bpm.engine.identity.User::getId)
			.toList()) {
			this.engine.getIdentityService().deleteUser(userId);
		}
	}

	@Test
	void everyDemoUserMayDoExactlyWhatTheAccessRulesSay() {
		List<String> mismatches = new ArrayList<>();
		StringBuilder matrix = new StringBuilder("| user | municipality | groups |");
		for (Tried tried : Tried.values()) {
			matrix.append(' ').append(tried.label).append(" |");
		}
		matrix.append("\n|---|---|---|").append("---|".repeat(Tried.values().length)).append('\n');

		for (String user : DemoRoster.userIds()) {
			List<String> groups = DemoRoster.groupsOf(user);
			Map<Tried, Boolean> actual = new EnumMap<>(Tried.class);
			actual.put(Tried.START, startsAProject(user));
			actual.putAll(worksOnTheTasksOfItsGroups(user, groups, mismatches));
			actual.put(Tried.READ_HISTORY, readsTheHistoryOfItsMunicipality(user, mismatches));
			actual.put(Tried.DEPLOY, deploys(user));
			actual.put(Tried.MANAGE_USERS, managesUsers(user));

			String municipality = DemoRoster.tenantOf(user);
			matrix.append("| ")
				.append(user)
				.append(" | ")
				.append((municipality != null) ? municipality : "alle")
				.append(" | ")
				.append(String.join(", ", groups))
				.append(" |");
			for (Tried tried : Tried.values()) {
				boolean expected = AccessRules.allows(groups, tried.rule);
				matrix.append(actual.get(tried) ? " ja" : " –").append(" |");
				if (actual.get(tried) != expected) {
					mismatches.add("%s (%s): %s is %s, the rules (%s) say %s".formatted(user, groups, tried.label,
							actual.get(tried), tried.rule, expected));
				}
			}
			matrix.append('\n');
		}
		write(matrix.toString());

		assertThat(DemoRoster.userIds()).as("one user per role in two municipalities").hasSizeGreaterThan(24);
		assertThat(mismatches).as("differences between the engine and AccessRules").isEmpty();
	}

	/** What each user tries, and the rule that decides whether they may. */
	enum Tried {

		START("start", Operation.START_PROJECT), LIST_TASKS("list tasks", Operation.WORK_ON_TASKS),
		CLAIM("claim", Operation.WORK_ON_TASKS), COMPLETE("complete", Operation.WORK_ON_TASKS),
		READ_HISTORY("read history", Operation.READ_HISTORY), DEPLOY("deploy", Operation.DEPLOY),
		MANAGE_USERS("manage users", Operation.MANAGE_USERS);

		final String label;

		final Operation rule;

		Tried(String label, Operation rule) {
			this.label = label;
			this.rule = rule;
		}

	}

	private boolean startsAProject(String user) {
		ResponseEntity<Map<String, Object>> response = this.rest.start(user, "SmartCityProjectProcess",
				"matrix-" + user + "-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());
		if (response.getStatusCode().is2xxSuccessful()) {
			assertThat(response.getBody()).as("%s starts in their own municipality", user)
				.containsEntry("tenantId", DemoRoster.tenantOf(user));
			return true;
		}
		return false;
	}

	/**
	 * A task for every work group in the user's municipality (and one in the other): the
	 * user sees exactly the tasks of their groups, may claim and complete one of them,
	 * but no task of another group and nothing of the other municipality.
	 */
	private Map<Tried, Boolean> worksOnTheTasksOfItsGroups(String user, List<String> groups, List<String> mismatches) {
		String own = (DemoRoster.tenantOf(user) != null) ? DemoRoster.tenantOf(user) : DemoRoster.SOEST;
		String other = own.equals(DemoRoster.SOEST) ? DemoRoster.MENDEN : DemoRoster.SOEST;
		String ownInstance = startTasksFor(own);
		String otherInstance = startTasksFor(other);
		boolean admin = groups.contains(RatswegGroups.ADMIN);

		Set<String> visibleGroups = new HashSet<>();
		for (Map<String, Object> task : this.rest.tasks(user, "processInstanceId=" + ownInstance)) {
			visibleGroups.add(candidateGroupOf((String) task.get("id")));
		}
		// Leads ("leitung") are told about late tasks; the group has no tasks of its own.
		Set<String> expectedGroups = admin ? Set.of(RatswegGroups.workGroupIds())
				: groups.stream()
					.filter(RatswegGroups.WORK_GROUPS::containsKey)
					.collect(java.util.stream.Collectors.toSet());
		if (!visibleGroups.equals(expectedGroups)) {
			mismatches.add("%s sees the tasks of %s, expected %s".formatted(user, visibleGroups, expectedGroups));
		}
		if (!admin && !this.rest.tasks(user, "processInstanceId=" + otherInstance).isEmpty()) {
			mismatches.add(user + " sees tasks of " + other);
		}
		String foreignGroup = admin ? null
				: List.of(RatswegGroups.workGroupIds())
					.stream()
					.filter((group) -> !groups.contains(group))
					.findFirst()
					.orElseThrow();
		if (foreignGroup != null
				&& this.rest.claim(user, taskOf(ownInstance, foreignGroup)).getStatusCode().is2xxSuccessful()) {
			mismatches.add(user + " claims a task of " + foreignGroup);
		}
		if (!admin) {
			String elsewhere = taskOf(otherInstance, groups.get(0));
			if (this.rest.claim(user, elsewhere).getStatusCode().is2xxSuccessful() || this.rest.as(user)
				.postForEntity("/engine-rest/task/" + elsewhere + "/complete", RestWork.json(Map.of()), String.class)
				.getStatusCode()
				.is2xxSuccessful()) {
				mismatches.add(user + " claims or completes a task of its group in " + other);
			}
		}
		String ownGroup = admin ? RatswegGroups.STAFF : groups.get(0);
		String task = taskOf(ownInstance, ownGroup);
		boolean claimed = this.rest.claim(user, task).getStatusCode().is2xxSuccessful();
		// Completing is tried whether or not the claim worked: the REST API does not ask
		// for a claim first.
		boolean completed = this.rest.as(user)
			.postForEntity("/engine-rest/task/" + task + "/complete", RestWork.json(Map.of()), String.class)
			.getStatusCode()
			.is2xxSuccessful();
		return Map.of(Tried.LIST_TASKS, visibleGroups.equals(expectedGroups), Tried.CLAIM, claimed, Tried.COMPLETE,
				completed);
	}

	private boolean readsTheHistoryOfItsMunicipality(String user, List<String> mismatches) {
		String own = (DemoRoster.tenantOf(user) != null) ? DemoRoster.tenantOf(user) : DemoRoster.SOEST;
		String other = own.equals(DemoRoster.SOEST) ? DemoRoster.MENDEN : DemoRoster.SOEST;
		boolean readsOwn = historyHas(user, this.projectOf.get(own));
		boolean readsOther = historyHas(user, this.projectOf.get(other));
		boolean admin = DemoRoster.groupsOf(user).contains(RatswegGroups.ADMIN);
		if (readsOther != admin) {
			mismatches.add("%s reads the history of %s: %s".formatted(user, other, readsOther));
		}
		return readsOwn;
	}

	private boolean historyHas(String user, String processInstanceId) {
		String body = this.rest.as(user)
			.getForObject("/engine-rest/history/process-instance?maxResults=10&processInstanceId=" + processInstanceId,
					String.class);
		return body != null && body.contains(processInstanceId);
	}

	private boolean deploys(String user) {
		ResponseEntity<String> response = this.rest.deploy(user, "MatrixProcess.bpmn",
				EngineRestSecurityTest.simpleProcess("MatrixProcess", "Matrix"));
		if (response.getStatusCode().is2xxSuccessful()) {
			this.engine.getRepositoryService()
				.createDeploymentQuery()
				.deploymentName("rest-test")
				.unlimitedList()
				.forEach((deployment) -> this.engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
			return true;
		}
		return false;
	}

	/**
	 * Creates a user; with the city's directory (read-only: people are managed there)
	 * grants a user an authorization, the part of user management left in Ratsweg.
	 */
	private boolean managesUsers(String user) {
		if (this.engine.getIdentityService().isReadOnly()) {
			ResponseEntity<Map<String, Object>> grant = this.rest.as(user)
				.exchange("/engine-rest/authorization/create", org.springframework.http.HttpMethod.POST,
						RestWork.json(Map.of("type", 1, "permissions", List.of("READ"), "userId", "matrixneu",
								"resourceType", 2, "resourceId", "matrix")),
						RestWork.OBJECT);
			if (grant.getStatusCode().is2xxSuccessful()) {
				this.engine.getAuthorizationService().deleteAuthorization((String) grant.getBody().get("id"));
				return true;
			}
			return false;
		}
		String newUser = """
				{"profile": {"id": "matrixneu", "firstName": "Mara", "lastName": "Trix"},
				 "credentials": {"password": "Sicheres-Kennwort-2026!"}}
				""";
		ResponseEntity<String> response = this.rest.as(user)
			.postForEntity("/engine-rest/user/create", RestWork.json(newUser), String.class);
		if (response.getStatusCode().is2xxSuccessful()) {
			this.engine.getIdentityService().deleteUser("matrixneu");
			return true;
		}
		return false;
	}

	/** One open task per work group, in the given municipality. */
	private String startTasksFor(String municipality) {
		return as(DemoRoster.ADMIN, municipality,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey(TASKS_PROCESS,
							Variables.createVariables().putValue("groups", List.of(RatswegGroups.workGroupIds())))
					.getId());
	}

	private String taskOf(String processInstanceId, String group) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskCandidateGroup(group)
			.singleResult();
		return task.getId();
	}

	private String candidateGroupOf(String taskId) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(taskId)
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.findFirst()
			.orElseThrow()
			.getGroupId();
	}

	private <T> T as(String user, String municipality, Supplier<T> action) {
		return DemoRoster.as(this.engine, user, municipality, action);
	}

	private static BpmnModelInstance oneTaskPerGroup() {
		return Bpmn.createExecutableProcess(TASKS_PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_ForEachGroup")
			.camundaCandidateGroups("${group}")
			.multiInstance()
			.camundaCollection("${groups}")
			.camundaElementVariable("group")
			.multiInstanceDone()
			.endEvent()
			.done();
	}

	private static void write(String matrix) {
		try {
			Path file = Path.of("target/security/access-matrix.md");
			Files.createDirectories(file.getParent());
			Files.writeString(file, "# Access matrix (generated by AccessMatrixTest)\n\n" + matrix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
