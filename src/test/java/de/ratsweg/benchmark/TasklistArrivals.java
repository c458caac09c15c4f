package de.ratsweg.benchmark;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import de.ratsweg.cluster.RatswegNode;

/**
 * B2 as an open loop: clerks who act at random moments whether or not the server has
 * answered everyone else, as the members of the co-signing departments of five
 * municipalities do in Tasklist. Each clerk acts on average every {@code interval}
 * (exponentially distributed gaps, so the arrivals of all clerks together are a Poisson
 * process of {@code clerks / interval} requests per second); each act is the next request
 * of the clerk's work: list the filter „Aufgaben meiner Gruppen“, its count, open the
 * first free task's form and its variables, claim the task, submit the form.
 * <p>
 * Every latency is measured from the moment the request was due, not from when it was
 * sent: a clerk whose previous request is still running sends late, and the wait counts
 * (no coordinated omission). Latencies go into one HdrHistogram per request type. The
 * same seed gives every node the same arrival times. The first {@code warmUp} is not
 * recorded.
 * <p>
 * The same clerks (users, groups, municipalities) and the same co-signing work run
 * against Ratsweg and against {@link PlainTasklist}; only how the work is started differs
 * ({@link Work}).
 */
final class TasklistArrivals {

	static final List<String> KINDS = TasklistLoad.KINDS;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long SEED = 20261202L;

	/** How the co-signing tasks come into being on a node. */
	interface Work {

		/**
		 * Starts work that opens one co-signing task per department for each of the
		 * {@code count} items.
		 */
		void start(RatswegNode node, int count) throws Exception;

	}

	/**
	 * Ratsweg: staff submit Smart-City project ideas (each opens four co-signing tasks).
	 */
	static final Work RATSWEG = TasklistLoad::startProjects;

	/**
	 * Plain Camunda: the co-signing process is started per municipality with the same
	 * variables the idea carries.
	 */
	static final Work PLAIN = (node, count) -> {
		String variables = """
				{"variables": {
				  "projectTitle": {"value": "Smarte Straßenbeleuchtung", "type": "String"},
				  "estimatedCost": {"value": 240000, "type": "Integer"},
				  "digitalSolution": {"value": true, "type": "Boolean"},
				  "personalData": {"value": true, "type": "Boolean"},
				  "focusArea": {"value": "climate", "type": "String"},
				  "leadUnit": {"value": "fb-stadtentwicklung", "type": "String"},
				  "involvedDepartments": {"value": "[\\"kaemmerei\\",\\"fb-it\\",\\"datenschutz\\",\\"fb-umwelt\\"]", "type": "Json"}
				}}""";
		for (int i = 0; i < count; i++) {
			String tenant = TaskListBenchmark.TENANTS.get(i % TaskListBenchmark.TENANTS.size());
			TasklistLoad.expect(node.post(
					"/engine-rest/process-definition/key/" + PlainTasklist.PROCESS + "/tenant-id/" + tenant + "/start",
					variables), "start co-signing in " + tenant);
		}
	};

	record Kind(String name, long count, long errors, double p50, double p95, double p99, double max) {
	}

	/**
	 * @param cpuPerRequest processor time of the node's JVM per request, warm-up
	 * included, in ms
	 * @param postgresCpuPerRequest the same for all PostgreSQL processes of the machine
	 */
	record Result(String node, int clerks, Duration interval, Duration measured, long requests, int completed,
			int listsWithoutFreeTask, List<Kind> kinds, List<String> errors, long errorCount, int items,
			Duration preparation, double cpuPerRequest, double postgresCpuPerRequest) {

		double offeredPerSecond() {
			return this.clerks / (this.interval.toNanos() / 1e9);
		}

		double requestsPerSecond() {
			return this.requests / (this.measured.toNanos() / 1e9);
		}

		Kind kind(String name) {
			return this.kinds.stream().filter((kind) -> kind.name().equals(name)).findFirst().orElseThrow();
		}

	}

	private final int clerks;

	private final Duration interval;

	private final Duration warmUp;

	private final Duration duration;

	private final int items;

	TasklistArrivals(int clerks, Duration interval, Duration warmUp, Duration duration, int items) {
		this.clerks = clerks;
		this.interval = interval;
		this.warmUp = warmUp;
		this.duration = duration;
		this.items = items;
	}

	static String clerkId(int i) {
		return String.format("mitzeichner%03d", i + 1);
	}

	Result run(String name, RatswegNode node, Work work) throws Exception {
		long preparationStart = System.nanoTime();
		for (int i = 0; i < this.clerks; i++) {
			TasklistLoad.createUser(node, clerkId(i), List.of(TasklistLoad.groupOf(i)), TasklistLoad.tenantOf(i));
		}
		work.start(node, this.items);
		String filter = filterId(node);
		List<TasklistUser> sessions = new ArrayList<>();
		for (int i = 0; i < this.clerks; i++) {
			TasklistUser session = new TasklistUser(node.baseUrl());
			session.login(clerkId(i), TasklistLoad.PASSWORD);
			sessions.add(session);
		}
		Duration preparation = Duration.ofNanos(System.nanoTime() - preparationStart);
		Benchmark.log("B2 open loop %s: %d clerks logged in, work for %d started, in %d s", name, this.clerks,
				this.items, preparation.toSeconds());

		Map<String, Histogram> latencies = new LinkedHashMap<>();
		Map<String, AtomicLong> errorsByKind = new LinkedHashMap<>();
		for (String kind : KINDS) {
			// microseconds, up to ten minutes, three significant digits
			latencies.put(kind, new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3));
			errorsByKind.put(kind, new AtomicLong());
		}
		Clock clock = new Clock(System.nanoTime() + TimeUnit.SECONDS.toNanos(2), this.warmUp, this.duration);
		Shared shared = new Shared(filter, latencies, errorsByKind, ConcurrentHashMap.newKeySet(), new AtomicInteger(),
				new AtomicInteger(), new AtomicLong(), new AtomicLong(), new ArrayList<>());
		long nodeCpuBefore = node.cpuMillis();
		long postgresCpuBefore = postgresCpuMillis();
		ExecutorService pool = Executors.newFixedThreadPool(this.clerks);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < this.clerks; i++) {
				Clerk clerk = new Clerk(clerkId(i), sessions.get(i), new Random(SEED + i), this.interval, clock,
						shared);
				done.add(pool.submit(() -> {
					clerk.work();
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double sent = Math.max(1, shared.sent().get());
		double cpuPerRequest = (node.cpuMillis() - nodeCpuBefore) / sent;
		double postgresCpuPerRequest = (postgresCpuMillis() - postgresCpuBefore) / sent;
		List<Kind> kinds = new ArrayList<>();
		long errorCount = 0;
		for (String kind : KINDS) {
			Histogram histogram = latencies.get(kind);
			long errors = errorsByKind.get(kind).get();
			errorCount += errors;
			kinds.add(new Kind(kind, histogram.getTotalCount(), errors, millis(histogram, 50), millis(histogram, 95),
					millis(histogram, 99), histogram.getMaxValue() / 1000.0));
		}
		Result result = new Result(name, this.clerks, this.interval, this.duration, shared.requests().get(),
				shared.completed().get(), shared.listsWithoutFreeTask().get(), kinds, shared.errors(), errorCount,
				this.items, preparation, cpuPerRequest, postgresCpuPerRequest);
		Benchmark.log(
				"B2 open loop %s: %d requests in %d s (%.1f/s offered %.1f/s), %d completed, %d errors, CPU per request %.1f ms node, %.1f ms PostgreSQL",
				name, result.requests(), this.duration.toSeconds(), result.requestsPerSecond(),
				result.offeredPerSecond(), result.completed(), errorCount, cpuPerRequest, postgresCpuPerRequest);
		for (Kind kind : kinds) {
			Benchmark.log("B2 open loop %s %-14s n=%5d p50=%7.1f p95=%7.1f p99=%7.1f max=%7.1f ms, %d errors", name,
					kind.name(), kind.count(), kind.p50(), kind.p95(), kind.p99(), kind.max(), kind.errors());
		}
		return result;
	}

	/** The processor time of every PostgreSQL process of this machine so far, in ms. */
	private static long postgresCpuMillis() {
		try (java.util.stream.Stream<java.nio.file.Path> processes = java.nio.file.Files
			.list(java.nio.file.Path.of("/proc"))) {
			return processes.filter((process) -> process.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((process) -> "postgres".equals(Benchmark.read(process.resolve("comm")).strip()))
				.mapToLong((process) -> RatswegNode.cpuMillisOf(Long.parseLong(process.getFileName().toString())))
				.sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static double millis(Histogram histogram, double percentile) {
		return (histogram.getTotalCount() == 0) ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private static String filterId(RatswegNode node) throws Exception {
		for (JsonNode filter : JSON
			.readTree(node.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100").body())) {
			if (PlainTasklist.FILTER.equals(filter.path("name").asText())) {
				return filter.path("id").asText();
			}
		}
		throw new IllegalStateException("No filter " + PlainTasklist.FILTER + " on " + node.name());
	}

	/** When the load starts, when recording starts, and when it ends (nanoTime). */
	record Clock(long start, long recordFrom, long end) {

		Clock(long start, Duration warmUp, Duration duration) {
			this(start, start + warmUp.toNanos(), start + warmUp.toNanos() + duration.toNanos());
		}

	}

	record Shared(String filter, Map<String, Histogram> latencies, Map<String, AtomicLong> errorsByKind,
			Set<String> taken, AtomicInteger completed, AtomicInteger listsWithoutFreeTask, AtomicLong requests,
			AtomicLong sent, List<String> errors) {

		void error(String message) {
			synchronized (this.errors) {
				if (this.errors.size() < 20) {
					this.errors.add(message);
				}
			}
		}

	}

	/** One clerk: the next request of the work, each at its own random moment. */
	private static final class Clerk {

		private final String user;

		private final TasklistUser session;

		private final Random random;

		private final double meanGapNanos;

		private final Clock clock;

		private final Shared shared;

		private String task;

		private String next = "list";

		Clerk(String user, TasklistUser session, Random random, Duration interval, Clock clock, Shared shared) {
			this.user = user;
			this.session = session;
			this.random = random;
			this.meanGapNanos = interval.toNanos();
			this.clock = clock;
			this.shared = shared;
		}

		void work() throws InterruptedException {
			long due = this.clock.start() + gap();
			while (due < this.clock.end()) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				act(due, due >= this.clock.recordFrom());
				due += gap();
			}
		}

		/** Exponentially distributed: arrivals of a Poisson process. */
		private long gap() {
			return (long) (-Math.log(1 - this.random.nextDouble()) * this.meanGapNanos);
		}

		private void act(long due, boolean recorded) throws InterruptedException {
			String kind = this.next;
			String path = TasklistUser.API + "/task/" + this.task;
			String body = send(kind, due, recorded, switch (kind) {
				case "list" -> () -> this.session.post(
						TasklistUser.API + "/filter/" + this.shared.filter() + "/list?firstResult=0&maxResults=15",
						"{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}", "application/hal+json");
				case "count" -> () -> this.session.get(TasklistUser.API + "/filter/" + this.shared.filter() + "/count");
				case "form" -> () -> this.session.get(path + "/deployed-form");
				case "form-variables" -> () -> this.session.get(path + "/form-variables");
				case "claim" ->
					() -> this.session.post(path + "/claim", "{\"userId\":\"" + this.user + "\"}", "application/json");
				default -> () -> this.session.post(path + "/submit-form",
						"{\"variables\":{\"statement\":{\"value\":\"agreed\",\"type\":\"String\"}}}",
						"application/json");
			});
			if (body == null) {
				// failed: start over from the list (the task stays taken)
				this.task = null;
				this.next = "list";
				return;
			}
			switch (kind) {
				case "list" -> {
					this.task = takeFreeTask(body);
					if (this.task == null && recorded) {
						this.shared.listsWithoutFreeTask().incrementAndGet();
					}
					this.next = "count";
				}
				case "count" -> this.next = (this.task != null) ? "form" : "list";
				case "form" -> this.next = "form-variables";
				case "form-variables" -> this.next = "claim";
				case "claim" -> this.next = "complete";
				default -> {
					if (recorded) {
						this.shared.completed().incrementAndGet();
					}
					this.task = null;
					this.next = "list";
				}
			}
		}

		/** The first task of the page that is nobody's yet, taken for this clerk. */
		private String takeFreeTask(String body) {
			try {
				for (JsonNode task : JSON.readTree(body).path("_embedded").path("task")) {
					boolean unassigned = task.path("assignee").isNull() || task.path("assignee").isMissingNode();
					if (unassigned && this.shared.taken().add(task.path("id").asText())) {
						return task.path("id").asText();
					}
				}
				return null;
			}
			catch (Exception ex) {
				this.shared.error("list: unreadable answer " + ex);
				return null;
			}
		}

		private String send(String kind, long due, boolean recorded, TasklistLoad.Call call)
				throws InterruptedException {
			this.shared.sent().incrementAndGet();
			try {
				HttpResponse<String> response = call.send();
				long latency = System.nanoTime() - due;
				if (recorded) {
					this.shared.requests().incrementAndGet();
					this.shared.latencies().get(kind).recordValue(TimeUnit.NANOSECONDS.toMicros(latency));
				}
				if (response.statusCode() / 100 != 2) {
					fail(kind, recorded, "HTTP " + response.statusCode() + " "
							+ response.body().substring(0, Math.min(200, response.body().length())));
					return null;
				}
				return response.body();
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				if (recorded) {
					this.shared.requests().incrementAndGet();
				}
				fail(kind, recorded, ex.toString());
				return null;
			}
		}

		private void fail(String kind, boolean recorded, String message) {
			if (recorded) {
				this.shared.errorsByKind().get(kind).incrementAndGet();
			}
			this.shared.error(this.user + " " + kind + (recorded ? "" : " (warm-up)") + ": " + message);
		}

	}

}
