package de.ratsweg.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Ratsweg node as operators run it: the packaged jar ({@code target/ratsweg.jar}) in
 * a JVM of its own, so that it can be killed with {@code kill -9}, share a PostgreSQL
 * database with other nodes, and be measured from outside. Its output goes to
 * {@code target/nodes/<name>.log}. Closing it stops the JVM (SIGTERM, then SIGKILL).
 */
public final class RatswegNode implements AutoCloseable {

	/** The first administrator of every node started here (postgres profile). */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Knotenpruefung-2026!";

	private static final Path JAR = Path.of("target", "ratsweg.jar");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final List<String> arguments = new ArrayList<>();

	private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));

	private final Path log;

	private String mainClass;

	private Process process;

	private int port;

	private Instant startedAt;

	private String adminUser = ADMIN;

	private String adminPassword = ADMIN_PASSWORD;

	private RatswegNode(String name) {
		this.name = name;
		this.log = Path.of("target", "nodes", name + ".log");
		this.environment.put("RATSWEG_TLS", "false");
		this.environment.put("RATSWEG_PROCESSES", Path.of("processes").toAbsolutePath().toString());
		this.environment.put("RATSWEG_PROCESSES_WATCH", "false");
		this.environment.put("TZ", "Europe/Berlin");
	}

	/**
	 * A node on PostgreSQL (profile {@code postgres}) with the administrator
	 * {@link #ADMIN}; its engine's host name in the job log is the node's name.
	 */
	public static RatswegNode onPostgres(String name, String jdbcUrl) {
		RatswegNode node = new RatswegNode(name);
		node.environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		node.environment.put("RATSWEG_DB_URL", jdbcUrl);
		node.environment.put("RATSWEG_DB_USER", System.getenv().getOrDefault("RATSWEG_DB_USER", "postgres"));
		node.environment.put("RATSWEG_DB_PASSWORD", System.getenv().getOrDefault("RATSWEG_DB_PASSWORD", ""));
		node.environment.put("RATSWEG_ADMIN_USER", ADMIN);
		node.environment.put("RATSWEG_ADMIN_PASSWORD", ADMIN_PASSWORD);
		node.property("camunda.bpm.generic-properties.properties.hostname", name);
		return node;
	}

	/**
	 * A node as {@code ./mvnw spring-boot:run} starts it: the demo profile on a
	 * file-based H2 database in the given folder.
	 */
	public static RatswegNode demoOnH2(String name, Path dataFolder) {
		RatswegNode node = new RatswegNode(name);
		node.environment.put("RATSWEG_DB_URL",
				"jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve("ratsweg") + ";DB_CLOSE_ON_EXIT=FALSE");
		return node;
	}

	/**
	 * Another Spring Boot application than Ratsweg (e.g. the benchmark's plain Camunda
	 * baseline), started from its main class on this JVM's class path instead of the
	 * packaged jar, on the given PostgreSQL database.
	 */
	public static RatswegNode ofMainClass(String name, String mainClass, String jdbcUrl) {
		RatswegNode node = new RatswegNode(name);
		node.mainClass = mainClass;
		node.property("spring.datasource.url", jdbcUrl);
		return node;
	}

	/** A Spring property, given on the command line ({@code --name=value}). */
	public RatswegNode property(String name, String value) {
		this.arguments.add("--" + name + "=" + value);
		return this;
	}

	public RatswegNode environment(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/**
	 * The administrator the requests of {@link #request(String)} log in as (e.g. the demo
	 * administrator of a node on H2); {@link #ADMIN} unless set.
	 */
	public RatswegNode administrator(String user, String password) {
		this.adminUser = user;
		this.adminPassword = password;
		return this;
	}

	public RatswegNode jvmOption(String option) {
		this.jvmOptions.add(option);
		return this;
	}

	/** Starts the JVM; {@link #awaitReady(Duration)} waits until it serves requests. */
	public RatswegNode start() {
		if (this.mainClass == null && !Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: these tests run after 'package' (mvn verify)");
		}
		try {
			Files.createDirectories(this.log.getParent());
			this.port = freePort();
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(this.jvmOptions);
			// e.g. a flight recording of every node:
			// -Dratsweg.node.jvm-options=-XX:StartFlightRecording=...
			String extra = System.getProperty("ratsweg.node.jvm-options", "");
			for (String option : extra.split(" ")) {
				if (!option.isBlank()) {
					command.add(option.replace("{name}", this.name));
				}
			}
			if (this.mainClass != null) {
				command.add("-cp");
				command.add(System.getProperty("java.class.path"));
				command.add(this.mainClass);
			}
			else {
				command.add("-jar");
				command.add(JAR.toAbsolutePath().toString());
			}
			command.add("--server.port=" + this.port);
			command.addAll(this.arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(this.log.toFile()));
			builder.environment().keySet().removeIf((key) -> key.startsWith("RATSWEG_") || key.startsWith("SPRING_"));
			builder.environment().putAll(this.environment);
			this.startedAt = Instant.now();
			this.process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start node " + this.name, ex);
		}
	}

	/**
	 * Waits until the node reports itself ready ({@code /actuator/health/readiness} is
	 * UP).
	 * @return the time from {@link #start()} to ready
	 */
	public Duration awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Node " + this.name + " exited with " + this.process.exitValue() + ":\n" + logTail(40));
			}
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return Duration.between(this.startedAt, Instant.now());
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException("Node " + this.name + " not ready after " + timeout + ":\n" + logTail(40));
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** The resident memory of the node's JVM in KiB ({@code VmRSS}). */
	public long residentKiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			throw new IllegalStateException("No VmRSS for node " + this.name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The processor time the node's JVM has used so far (user and system), in ms. */
	public long cpuMillis() {
		return cpuMillisOf(pid());
	}

	/**
	 * The processor time a process has used so far (user and system, from
	 * {@code /proc/<pid>/stat}), in ms; 0 when it is gone.
	 */
	public static long cpuMillisOf(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the fields after the command name, which is in parentheses and may hold
			// spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			// clock ticks of 10 ms (USER_HZ is 100 on Linux)
			return ticks * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** {@code kill -9}: no shutdown hook, no commit, locks held in the database stay. */
	public void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(Duration.ofSeconds(10));
		}
	}

	/**
	 * The HTTP status of {@code /actuator/health} as a load balancer asks it (no
	 * credentials): 200 for UP, 503 for DOWN, -1 when the node does not answer.
	 */
	public int health() {
		try {
			return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.GET()).statusCode();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/** A GET as the administrator (HTTP Basic). */
	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** A POST of JSON as the administrator (HTTP Basic). */
	public HttpResponse<String> post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A request to this node as the administrator, to be completed by the caller. */
	public HttpRequest.Builder request(String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((this.adminUser + ":" + this.adminPassword).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines of the node's output, for failure messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** Stops the node as an operator would (SIGTERM), forcibly after 30 s. */
	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!waitFor(Duration.ofSeconds(30))) {
				kill();
			}
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
