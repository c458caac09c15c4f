package de.ratsweg.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.context.ConfigurableApplicationContext;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.tasklist.TaskFilters;
import de.ratsweg.tasklist.TaskFiltersOnAnyEngine;

/**
 * B1: the task list of a user in ten groups, with authorization and tenant checks, at a
 * given number of open tasks spread over the five municipalities and Ratsweg's candidate
 * groups. The same queries run first on a plain Camunda engine configuration (the
 * baseline) and then on Ratsweg (its settings and its indexes), on the same data.
 */
final class TaskListBenchmark {

	static final List<String> TENANTS = List.of("arnsberg", "bad-berleburg", "menden", "olpe", "soest");

	/** The user whose task list is measured: every work group but one, in Soest. */
	static final String USER = "listenpruefer";

	static final List<String> USER_GROUPS = List.of(RatswegGroups.workGroupIds())
		.stream()
		.filter((group) -> !group.equals(RatswegGroups.CHIEF_DIGITAL_OFFICER))
		.toList();

	static final String USER_TENANT = "soest";

	/** The kinds of open tasks: a process key and task of Ratsweg with its groups. */
	record Kind(String processKey, String taskKey, String name, List<String> groups) {
	}

	static final List<Kind> KINDS = List.of(
			new Kind("DepartmentCoSigningProcess", "Task_CoSignProjectIdea", "Projektidee mitzeichnen",
					List.of("kaemmerei", "fb-it", "datenschutz", "fb-umwelt", "fb-stadtentwicklung")),
			new Kind("BoardApprovalProcess", "Task_VoteOnProjectIdea", "Über die Projektidee abstimmen",
					List.of("verwaltungsvorstand", "buergermeister", "vorstandsbuero")),
			new Kind("CommitteeResolutionProcess", "Task_RecordCommitteeResult", "Beschluss des Gremiums erfassen",
					List.of("ratsbuero")),
			new Kind("FundingApplicationProcess", "Task_PrepareFundingApplication", "Förderantrag vorbereiten",
					List.of("sachbearbeitung", "kaemmerei", "buergermeister", "cdo")),
			new Kind("SmartCityProjectProcess", "Task_ReviseProjectIdea", "Projektidee überarbeiten",
					List.of("sachbearbeitung")));

	/** One query as Tasklist runs it, with its list page and count. */
	record Query(String name, String list, String count) {
	}

	/** p50/p95 of one query operation, baseline and Ratsweg. */
	record Row(int tasks, String query, String operation, Samples baseline, Samples ratsweg) {
	}

	/** The plan of one statement. */
	record Plan(String configuration, String query, String sql, String plan) {
	}

	record Result(int tasks, Duration loadTime, int visibleTasks, List<Row> rows, List<Plan> plans) {
	}

	/**
	 * Longer queries are cancelled by PostgreSQL (the baseline is that slow at 100,000).
	 */
	static final int STATEMENT_TIMEOUT_SECONDS = 30;

	private final int iterations;

	private final Duration limit;

	TaskListBenchmark(int iterations, Duration limit) {
		this.iterations = iterations;
		this.limit = limit;
	}

	Result run(int tasks) {
		String database = Databases.PREFIX + "tasks_" + tasks;
		String url = Databases.fresh(database);
		List<Plan> plans = new ArrayList<>();
		Map<String, Samples> baseline;
		Duration load;
		long visible;
		ProcessEngine plain = Engines.plain("bench-tasks-plain", url, true, null, STATEMENT_TIMEOUT_SECONDS);
		try {
			long start = System.nanoTime();
			load(plain, tasks);
			load = Duration.ofNanos(System.nanoTime() - start);
			log("B1 %d open tasks loaded in %d s", tasks, load.toSeconds());
			createUser(plain);
			Map<String, String> filters = TaskFiltersOnAnyEngine.ensure(plain);
			Authorization filterRead = plain.getAuthorizationService()
				.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			filterRead.setUserId(USER);
			filterRead.setResource(Resources.FILTER);
			filterRead.setResourceId(Authorization.ANY);
			filterRead.addPermission(Permissions.READ);
			plain.getAuthorizationService().saveAuthorization(filterRead);
			analyze(url);
			// -Dbenchmark.b1.baseline=false: Ratsweg only, while tuning
			baseline = Boolean.parseBoolean(System.getProperty("benchmark.b1.baseline", "true"))
					? measure("baseline", plain, filters, url, plans) : null;
		}
		finally {
			plain.close();
		}
		Map<String, Samples> tuned;
		try (ConfigurableApplicationContext ratsweg = Engines.ratsweg(url)) {
			ProcessEngine engine = ratsweg.getBean(ProcessEngine.class);
			analyze(url);
			// Counted here: on the plain engine this count alone can outlast the
			// statement timeout.
			visible = as(engine, () -> engine.getTaskService().createTaskQuery().count());
			tuned = measure("Ratsweg", engine, TaskFiltersOnAnyEngine.idsByName(engine), url, plans);
		}
		if (!Boolean.getBoolean("benchmark.b1.keep")) {
			Databases.drop(database);
		}
		List<Row> rows = new ArrayList<>();
		tuned.forEach((key, samples) -> {
			String[] parts = key.split("\\|");
			rows.add(new Row(tasks, parts[0], parts[1], (baseline != null) ? baseline.get(key) : new Samples(),
					samples));
		});
		return new Result(tasks, load, (int) visible, rows, plans);
	}

	/**
	 * Open tasks as the engine itself creates them (task, execution, candidate group link
	 * and the per-task authorization of that group), in batches: each batch is one
	 * process instance whose multi-instance user task opens hundreds of tasks at once.
	 */
	private static void load(ProcessEngine engine, int tasks) {
		for (String tenant : TENANTS) {
			DeploymentBuilder deployment = engine.getRepositoryService()
				.createDeployment()
				.name("benchmark-tasks-" + tenant)
				.tenantId(tenant);
			for (Kind kind : KINDS) {
				deployment.addModelInstance(kind.processKey() + ".bpmn", model(kind));
			}
			deployment.deploy();
		}
		int combinations = TENANTS.size() * KINDS.size();
		int batches = combinations * Math.max(1, (int) Math.ceil(tasks / (combinations * 2000.0)));
		StringBuilder dueDates = new StringBuilder();
		for (int day = -10; day < 20; day++) {
			dueDates.append(dueDates.isEmpty() ? "" : ";").append(LocalDate.now().plusDays(day)).append("T12:00:00");
		}
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int batch = 0; batch < batches; batch++) {
				int size = tasks / batches + ((batch < tasks % batches) ? 1 : 0);
				Kind kind = KINDS.get(batch % KINDS.size());
				String tenant = TENANTS.get((batch / KINDS.size()) % TENANTS.size());
				done.add(threads.submit(() -> engine.getRuntimeService()
					.createProcessInstanceByKey(kind.processKey())
					.processDefinitionTenantId(tenant)
					.setVariable("count", size)
					.setVariable("groupList", String.join(";", kind.groups()))
					.setVariable("groupCount", kind.groups().size())
					.setVariable("dueDates", dueDates.toString())
					.execute()));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Loading the open tasks failed", ex);
		}
		finally {
			threads.shutdown();
		}
	}

	private static BpmnModelInstance model(Kind kind) {
		return Bpmn.createExecutableProcess(kind.processKey())
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask(kind.taskKey())
			.name(kind.name())
			.camundaCandidateGroups("${groupList.split(';')[loopCounter % groupCount]}")
			.camundaDueDate("${dueDates.split(';')[loopCounter % 30]}")
			.multiInstance()
			.parallel()
			.cardinality("${count}")
			.multiInstanceDone()
			.endEvent()
			.done();
	}

	private static void createUser(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser(USER);
		user.setFirstName("Lena");
		user.setLastName("Listenprüfung");
		user.setPassword("Aufgabenliste-2026!");
		identity.saveUser(user);
		for (String group : RatswegGroups.workGroupIds()) {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
		}
		for (String group : USER_GROUPS) {
			identity.createMembership(USER, group);
		}
		for (String tenant : TENANTS) {
			if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
				identity.saveTenant(identity.newTenant(tenant));
			}
		}
		identity.createTenantUserMembership(USER_TENANT, USER);
	}

	static List<Query> queries() {
		return List.of(new Query("createTaskQuery()", "listPage(0,15)", "count()"),
				new Query("Filter „" + TaskFilters.GROUP_TASKS + "“", "listPage(0,15)", "count()"),
				new Query("Filter „" + TaskFilters.OVERDUE + "“", "listPage(0,15)", "count()"));
	}

	private Map<String, Samples> measure(String configuration, ProcessEngine engine, Map<String, String> filters,
			String url, List<Plan> plans) {
		Map<String, Samples> results = new LinkedHashMap<>();
		Map<String, Runnable> operations = new LinkedHashMap<>();
		var tasks = engine.getTaskService();
		var filterService = engine.getFilterService();
		String groupTasks = filters.get(TaskFilters.GROUP_TASKS);
		String overdue = filters.get(TaskFilters.OVERDUE);
		List<Query> queries = queries();
		operations.put(queries.get(0).name() + "|listPage(0,15)", () -> tasks.createTaskQuery().listPage(0, 15));
		operations.put(queries.get(0).name() + "|count()", () -> tasks.createTaskQuery().count());
		operations.put(queries.get(1).name() + "|listPage(0,15)", () -> filterService.listPage(groupTasks, 0, 15));
		operations.put(queries.get(1).name() + "|count()", () -> filterService.count(groupTasks));
		operations.put(queries.get(2).name() + "|listPage(0,15)", () -> filterService.listPage(overdue, 0, 15));
		operations.put(queries.get(2).name() + "|count()", () -> filterService.count(overdue));
		operations.forEach((name, operation) -> {
			Samples samples = as(engine, () -> time(operation));
			results.put(name, samples);
			log("B1 %s %s: p50 %s ms, p95 %s ms (%d runs)", configuration, name.replace('|', ' '),
					Samples.millis(samples.p50()), Samples.millis(samples.p95()), samples.count());
			if (!name.startsWith(queries.get(2).name()) && samples.abandoned() == null) {
				List<String> statements = as(engine, () -> SqlCapture.taskStatements(operation));
				for (String sql : statements) {
					if (sql.toLowerCase().contains("act_ru_task")) {
						String plan = Databases.explain(url, sql, STATEMENT_TIMEOUT_SECONDS);
						plans.add(new Plan(configuration, name.replace('|', ' '), sql, plan));
					}
				}
			}
		});
		return results;
	}

	private Samples time(Runnable operation) {
		Samples samples = new Samples();
		long end = System.nanoTime() + this.limit.toNanos();
		try {
			long first = System.nanoTime();
			operation.run();
			boolean slow = System.nanoTime() - first > this.limit.toNanos() / 5;
			for (int i = 0; !slow && i < 20 && (i < 3 || System.nanoTime() < end); i++) {
				operation.run();
			}
			end = System.nanoTime() + this.limit.toNanos();
			// At least five samples, three of a query slower than a fifth of the time
			// limit.
			int minimum = slow ? 3 : 5;
			for (int i = 0; i < this.iterations && (i < minimum || System.nanoTime() < end); i++) {
				long start = System.nanoTime();
				operation.run();
				samples.add(System.nanoTime() - start);
				if (System.nanoTime() > end + this.limit.toNanos()) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			samples.abandon("timed out after " + STATEMENT_TIMEOUT_SECONDS + " s");
			log("B1 query stopped: %s", ex.getMessage());
		}
		return samples;
	}

	private static <T> T as(ProcessEngine engine, Supplier<T> action) {
		engine.getIdentityService().setAuthentication(USER, USER_GROUPS, List.of(USER_TENANT));
		try {
			return action.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private static void analyze(String url) {
		Databases.execute(url, "ANALYZE");
	}

	static void log(String format, Object... arguments) {
		Benchmark.log(format, arguments);
	}

}
