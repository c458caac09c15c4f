package de.ratsweg.benchmark;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.ratsweg.cluster.RatswegNode;
import de.ratsweg.tasklist.TaskFilters;

/**
 * B2: virtual users doing in Tasklist what a member of a co-signing department does, over
 * HTTP against a running node: list the filter "Aufgaben meiner Gruppen" (page of 15 with
 * the filter's columns, and its count), open a task's form (deployed form and form
 * variables), claim it and submit the form. Each user is the only one of their group in
 * their municipality, so users never compete for a task. The open tasks are real
 * Smart-City projects in co-signing, started before the measurement by staff users.
 */
final class TasklistLoad {

	static final String PASSWORD = "Kennwort-Lastlauf-2026!";

	static final List<String> CO_SIGNING_GROUPS = List.of("kaemmerei", "fb-it", "datenschutz", "fb-umwelt");

	static final List<String> KINDS = List.of("list", "count", "form", "form-variables", "claim", "complete");

	private static final ObjectMapper JSON = new ObjectMapper();

	record Result(int users, Duration time, Map<String, Samples> latencies, long requests, int completed, int idleLoops,
			List<String> errors, int errorCount, int projects, Duration preparation) {

		double requestsPerSecond() {
			return this.requests / (this.time.toNanos() / 1e9);
		}

		double completedPerSecond() {
			return this.completed / (this.time.toNanos() / 1e9);
		}

	}

	private final int users;

	private final Duration duration;

	private final int projects;

	TasklistLoad(int users, Duration duration, int projects) {
		this.users = users;
		this.duration = duration;
		this.projects = projects;
	}

	Result run(RatswegNode node) throws Exception {
		long preparationStart = System.nanoTime();
		createUsers(node);
		startProjects(node, this.projects);
		Duration preparation = Duration.ofNanos(System.nanoTime() - preparationStart);
		Benchmark.log("B2 %s: %d projects started in %d s", node.name(), this.projects, preparation.toSeconds());

		Map<String, Samples> latencies = new LinkedHashMap<>();
		KINDS.forEach((kind) -> latencies.put(kind, new Samples()));
		List<String> errors = new ArrayList<>();
		AtomicInteger errorCount = new AtomicInteger();
		AtomicLong requests = new AtomicLong();
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger idle = new AtomicInteger();
		Map<String, Boolean> seen = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(this.users);
		List<TasklistUser> sessions = new ArrayList<>();
		String filterId = null;
		for (int i = 0; i < this.users; i++) {
			TasklistUser session = new TasklistUser(node.baseUrl());
			session.login(userId(i), PASSWORD);
			sessions.add(session);
		}
		// the filter's id, as the administrator sees it (the users' list requests need
		// READ on it)
		for (JsonNode filter : JSON
			.readTree(node.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100").body())) {
			if (TaskFilters.GROUP_TASKS.equals(filter.path("name").asText())) {
				filterId = filter.path("id").asText();
			}
		}
		if (filterId == null) {
			throw new IllegalStateException("No filter " + TaskFilters.GROUP_TASKS + " for the virtual users");
		}
		String filter = filterId;
		long start = System.nanoTime();
		long end = start + this.duration.toNanos();
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < this.users; i++) {
			TasklistUser session = sessions.get(i);
			String user = userId(i);
			done.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					try {
						String taskId = step(session, "list", latencies, requests, errors, errorCount,
								() -> session.post(
										TasklistUser.API + "/filter/" + filter + "/list?firstResult=0&maxResults=15",
										"{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}",
										"application/hal+json"),
								(body) -> firstFreeTask(body));
						step(session, "count", latencies, requests, errors, errorCount,
								() -> session.get(TasklistUser.API + "/filter/" + filter + "/count"), (body) -> null);
						if (taskId == null) {
							idle.incrementAndGet();
							Thread.sleep(500);
							continue;
						}
						if (seen.put(taskId, Boolean.TRUE) != null) {
							synchronized (errors) {
								errors.add(user + ": task " + taskId + " offered again after completion");
							}
						}
						String task = TasklistUser.API + "/task/" + taskId;
						step(session, "form", latencies, requests, errors, errorCount,
								() -> session.get(task + "/deployed-form"), (body) -> null);
						step(session, "form-variables", latencies, requests, errors, errorCount,
								() -> session.get(task + "/form-variables"), (body) -> null);
						step(session, "claim", latencies, requests, errors, errorCount, () -> session
							.post(task + "/claim", "{\"userId\":\"" + user + "\"}", "application/json"),
								(body) -> null);
						String ok = step(session, "complete", latencies, requests, errors, errorCount,
								() -> session.post(task + "/submit-form",
										"{\"variables\":{\"statement\":{\"value\":\"agreed\",\"type\":\"String\"}}}",
										"application/json"),
								(body) -> "ok");
						if (ok != null) {
							completed.incrementAndGet();
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		Duration time = Duration.ofNanos(System.nanoTime() - start);
		pool.shutdown();
		return new Result(this.users, time, latencies, requests.get(), completed.get(), idle.get(), errors,
				errorCount.get(), this.projects, preparation);
	}

	interface Call {

		HttpResponse<String> send() throws Exception;

	}

	interface Reading {

		String read(String body) throws Exception;

	}

	/** One request, timed; any non-2xx answer or exception is an error. */
	private static String step(TasklistUser session, String kind, Map<String, Samples> latencies, AtomicLong requests,
			List<String> errors, AtomicInteger errorCount, Call call, Reading reading) throws InterruptedException {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = call.send();
			latencies.get(kind).add(System.nanoTime() - start);
			requests.incrementAndGet();
			if (response.statusCode() / 100 != 2) {
				error(errors, errorCount, kind + ": HTTP " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(200, response.body().length())));
				return null;
			}
			return reading.read(response.body());
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			requests.incrementAndGet();
			error(errors, errorCount, kind + ": " + ex);
			return null;
		}
	}

	private static void error(List<String> errors, AtomicInteger errorCount, String message) {
		errorCount.incrementAndGet();
		synchronized (errors) {
			if (errors.size() < 20) {
				errors.add(message);
			}
		}
	}

	private static String firstFreeTask(String body) throws Exception {
		JsonNode tasks = JSON.readTree(body).path("_embedded").path("task");
		for (JsonNode task : tasks) {
			if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
				return task.path("id").asText();
			}
		}
		return null;
	}

	static String userId(int i) {
		return String.format("lastprobe%02d", i + 1);
	}

	static String tenantOf(int i) {
		return TaskListBenchmark.TENANTS.get(i % TaskListBenchmark.TENANTS.size());
	}

	static String groupOf(int i) {
		return CO_SIGNING_GROUPS.get((i / TaskListBenchmark.TENANTS.size()) % CO_SIGNING_GROUPS.size());
	}

	private void createUsers(RatswegNode node) {
		for (int i = 0; i < this.users; i++) {
			createUser(node, userId(i), List.of(groupOf(i)), tenantOf(i));
		}
	}

	/** One member of staff per municipality, who submits the project ideas. */
	private static void createStaff(RatswegNode node) {
		for (String tenant : TaskListBenchmark.TENANTS) {
			if (node.get("/engine-rest/user/" + staffOf(tenant) + "/profile").statusCode() != 200) {
				createUser(node, staffOf(tenant), List.of("sachbearbeitung"), tenant);
			}
		}
	}

	private static String staffOf(String tenant) {
		return "lastprobesb" + (TaskListBenchmark.TENANTS.indexOf(tenant) + 1);
	}

	static void createUser(RatswegNode node, String user, List<String> groups, String tenant) {
		expect(node.post("/engine-rest/user/create",
				"{\"profile\":{\"id\":\"" + user
						+ "\",\"firstName\":\"Virtuelle\",\"lastName\":\"Nutzerin\",\"email\":\"" + user
						+ "@example.org\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}"),
				"create user " + user);
		for (String group : groups) {
			expect(node.send(node.request("/engine-rest/group/" + group + "/members/" + user)
				.PUT(java.net.http.HttpRequest.BodyPublishers.noBody())), "add " + user + " to " + group);
		}
		expect(node.send(node.request("/engine-rest/tenant/" + tenant + "/user-members/" + user)
			.PUT(java.net.http.HttpRequest.BodyPublishers.noBody())), "add " + user + " to " + tenant);
	}

	static void expect(HttpResponse<String> response, String what) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
		}
	}

	/**
	 * Staff of each municipality submit project ideas through the REST API (the start
	 * form); each opens one co-signing task for each of the four co-signing groups.
	 */
	static void startProjects(RatswegNode node, int projects) throws Exception {
		createStaff(node);
		String idea = """
				{"variables": {
				  "projectTitle": {"value": "Smarte Straßenbeleuchtung", "type": "String"},
				  "needGap": {"value": "Die Straßenbeleuchtung brennt die ganze Nacht mit voller Leistung.", "type": "String"},
				  "needAudience": {"value": "Bürgerinnen und Bürger", "type": "String"},
				  "strategicPurpose": {"value": "Energie sparen", "type": "String"},
				  "focusArea": {"value": "climate", "type": "String"},
				  "leadUnit": {"value": "fb-stadtentwicklung", "type": "String"},
				  "involvedDepartments": {"value": "[\\"kaemmerei\\",\\"fb-it\\",\\"datenschutz\\",\\"fb-umwelt\\"]", "type": "Json"},
				  "digitalSolution": {"value": true, "type": "Boolean"},
				  "personalData": {"value": true, "type": "Boolean"},
				  "estimatedCost": {"value": 240000, "type": "Integer"},
				  "preferredFinancing": {"value": "funding", "type": "String"},
				  "workPackages": {"value": "Pilot: 12 Wochen", "type": "String"},
				  "externalConsulting": {"value": false, "type": "Boolean"}
				}}""";
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicInteger failures = new AtomicInteger();
		List<String> failureMessages = new ArrayList<>();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < projects; i++) {
				String staff = staffOf(TaskListBenchmark.TENANTS.get(i % TaskListBenchmark.TENANTS.size()));
				done.add(pool.submit(() -> {
					HttpResponse<String> response = node
						.send(node.request("/engine-rest/process-definition/key/SmartCityProjectProcess/submit-form")
							.setHeader("Authorization",
									"Basic " + java.util.Base64.getEncoder()
										.encodeToString((staff + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
							.header("Content-Type", "application/json")
							.POST(java.net.http.HttpRequest.BodyPublishers.ofString(idea)));
					if (response.statusCode() / 100 != 2) {
						failures.incrementAndGet();
						synchronized (failureMessages) {
							failureMessages.add(response.statusCode() + " " + response.body());
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(
					failures.get() + " projects could not be started, e.g. " + failureMessages.get(0));
		}
		String count = node.get("/engine-rest/task/count?taskDefinitionKey=Task_CoSignProjectIdea").body();
		Benchmark.log("B2 open co-signing tasks: %s", count);
	}

}
