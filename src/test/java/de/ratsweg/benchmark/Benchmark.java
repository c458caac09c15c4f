package de.ratsweg.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance benchmark of Ratsweg on PostgreSQL (B1 task list, B2 Tasklist load over
 * HTTP, B3 whole projects, B4 start-up and memory, and pgbench for context). Run by the
 * Maven profile {@code benchmark}:
 *
 * <pre>
 * ./mvnw -B -Pbenchmark -DskipTests verify
 * </pre>
 *
 * Sizes come from system properties ({@code benchmark.*}, see the profile in the pom).
 * The report goes to {@code docs/benchmarks.md}. The benchmark reports; it never fails on
 * a missed goal.
 */
public final class Benchmark {

	static final double B1_GOAL_P95 = 25;

	static final double B2_GOAL_P95 = 100;

	static final double B3_GOAL_RATIO = 0.8;

	static final double B4_GOAL_START_SECONDS = 10;

	static final long B4_GOAL_RSS_MIB = 600;

	static final double STATEMENTS_GOAL_RATIO = 1.1;

	private final List<Integer> taskCounts = Arrays.stream(property("benchmark.tasks", "10000,100000").split(","))
		.map(String::trim)
		.map(Integer::parseInt)
		.toList();

	private final int b1Iterations = Integer.parseInt(property("benchmark.b1.iterations", "200"));

	private final int b1Seconds = Integer.parseInt(property("benchmark.b1.seconds", "15"));

	private final int b2Users = Integer.parseInt(property("benchmark.b2.users", "20"));

	private final int b2Seconds = Integer.parseInt(property("benchmark.b2.seconds", "60"));

	private final int b2Projects = Integer.parseInt(property("benchmark.b2.projects", "400"));

	private final int b2Clerks = Integer.parseInt(property("benchmark.b2.clerks", "200"));

	private final int b2IntervalSeconds = Integer.parseInt(property("benchmark.b2.interval", "10"));

	private final int b2WarmUpSeconds = Integer.parseInt(property("benchmark.b2.warmup", "30"));

	private final int b2OpenSeconds = Integer.parseInt(property("benchmark.b2.open.seconds", "300"));

	private final int b3Projects = Integer.parseInt(property("benchmark.b3.projects", "40"));

	private final int b3Threads = Integer.parseInt(property("benchmark.b3.threads", "4"));

	private final int pgbenchSeconds = Integer.parseInt(property("benchmark.pgbench.seconds", "20"));

	private final List<String> only = Arrays.stream(property("benchmark.only", "").split(","))
		.map(String::trim)
		.filter((part) -> !part.isEmpty())
		.toList();

	private final Path report = Path.of(property("benchmark.report", "docs/benchmarks.md"));

	private Benchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		new Benchmark().run();
		// Spring contexts and the JDBC pools may leave non-daemon threads behind
		System.exit(0);
	}

	private void run() throws Exception {
		long start = System.nanoTime();
		String started = LocalDateTime.now(ZoneId.of("Europe/Berlin"))
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		List<String> failures = new ArrayList<>();
		PgBench.Result pgbench = wanted("pgbench")
				? attempt("pgbench", failures, () -> new PgBench(this.pgbenchSeconds).run()) : null;
		List<TaskListBenchmark.Result> b1 = new ArrayList<>();
		if (wanted("b1")) {
			TaskListBenchmark taskList = new TaskListBenchmark(this.b1Iterations, Duration.ofSeconds(this.b1Seconds));
			for (int tasks : this.taskCounts) {
				TaskListBenchmark.Result result = attempt("B1 with " + tasks + " open tasks", failures,
						() -> taskList.run(tasks));
				if (result != null) {
					b1.add(result);
				}
			}
		}
		ProjectThroughput.Result b3 = wanted("b3")
				? attempt("B3", failures, () -> new ProjectThroughput(this.b3Projects, this.b3Threads).run()) : null;
		List<NodeBenchmark.Result> b4 = new ArrayList<>();
		TasklistArrivals.Result plainTasklist = null;
		if (wanted("b4") || wanted("b2")) {
			NodeBenchmark nodes = new NodeBenchmark(
					new TasklistLoad(this.b2Users, Duration.ofSeconds(this.b2Seconds), this.b2Projects),
					new TasklistArrivals(this.b2Clerks, Duration.ofSeconds(this.b2IntervalSeconds),
							Duration.ofSeconds(this.b2WarmUpSeconds), Duration.ofSeconds(this.b2OpenSeconds),
							this.b2Projects));
			NodeBenchmark.Result postgres = attempt("B2 and B4 on PostgreSQL", failures, nodes::onPostgres);
			if (postgres != null) {
				b4.add(postgres);
			}
			plainTasklist = attempt("B2 open loop on plain Camunda", failures, nodes::plainOnPostgres);
			if (wanted("b4")) {
				NodeBenchmark.Result h2 = attempt("B2 and B4 on H2", failures, nodes::onH2);
				if (h2 != null) {
					b4.add(h2);
				}
			}
		}
		Duration total = Duration.ofNanos(System.nanoTime() - start);
		Files.createDirectories(this.report.toAbsolutePath().getParent());
		Files.writeString(this.report,
				new Report(started, total, command(), pgbench, b1, b3, b4, plainTasklist, failures).render(),
				StandardCharsets.UTF_8);
		log("Report written to %s (whole run %d min %d s)", this.report, total.toMinutes(), total.toSecondsPart());
	}

	/**
	 * Runs one part; when it fails (e.g. PostgreSQL restarted by another test run), the
	 * others still run and the report says what failed.
	 */
	private static <T> T attempt(String part, List<String> failures, java.util.concurrent.Callable<T> action) {
		try {
			return action.call();
		}
		catch (Exception ex) {
			log("%s failed: %s", part, ex);
			ex.printStackTrace(System.out);
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			failures.add(part + ": " + ex + ((cause != ex) ? " (cause: " + cause + ")" : ""));
			return null;
		}
	}

	private boolean wanted(String part) {
		return this.only.isEmpty() || this.only.contains(part);
	}

	/**
	 * The command that repeats this run (sizes that differ from the defaults included).
	 */
	private String command() {
		StringBuilder command = new StringBuilder("./mvnw -B -Pbenchmark -DskipTests verify");
		Map<String, String> defaults = Map.ofEntries(Map.entry("benchmark.tasks", "10000,100000"),
				Map.entry("benchmark.b1.iterations", "200"), Map.entry("benchmark.b1.seconds", "15"),
				Map.entry("benchmark.b2.users", "20"), Map.entry("benchmark.b2.seconds", "60"),
				Map.entry("benchmark.b2.projects", "400"), Map.entry("benchmark.b2.clerks", "200"),
				Map.entry("benchmark.b2.interval", "10"), Map.entry("benchmark.b2.warmup", "30"),
				Map.entry("benchmark.b2.open.seconds", "300"), Map.entry("benchmark.b3.projects", "40"),
				Map.entry("benchmark.b3.threads", "4"), Map.entry("benchmark.pgbench.seconds", "20"),
				Map.entry("benchmark.only", ""));
		defaults.keySet().stream().sorted().forEach((name) -> {
			String value = property(name, defaults.get(name));
			if (!value.equals(defaults.get(name))) {
				command.append(" -D").append(name).append('=').append(value);
			}
		});
		return command.toString();
	}

	private static String property(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	static void log(String format, Object... arguments) {
		System.out.println("[benchmark " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
				+ String.format(Locale.ROOT, format, arguments));
		System.out.flush();
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
