package de.ratsweg.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import de.ratsweg.cluster.RatswegNode;
import de.ratsweg.security.DemoRoster;

/**
 * B4 (and B2 inside it): a node started from the packaged jar as operators run it, on H2
 * (demo profile, as {@code ./mvnw spring-boot:run}) and on PostgreSQL: time to ready on
 * an empty database and on a restart, resident memory after the restart and after the
 * Tasklist load of B2.
 */
final class NodeBenchmark {

	record Result(String database, Duration firstStart, Duration restart, long residentAfterStartKiB,
			long residentAfterLoadKiB, TasklistLoad.Result load, TasklistArrivals.Result arrivals) {
	}

	private final TasklistLoad load;

	private final TasklistArrivals arrivals;

	/**
	 * @param arrivals the open-loop load, run on PostgreSQL before the closed loop, or
	 * {@code null}
	 */
	NodeBenchmark(TasklistLoad load, TasklistArrivals arrivals) {
		this.load = load;
		this.arrivals = arrivals;
	}

	Result onH2() throws Exception {
		Path data = Path.of("target", "benchmark", "h2-data");
		deleteRecursively(data);
		Files.createDirectories(data);
		return measure("H2 (demo)",
				() -> RatswegNode.demoOnH2("benchmark-h2", data).administrator(DemoRoster.ADMIN, DemoRoster.PASSWORD),
				null);
	}

	Result onPostgres() throws Exception {
		String database = Databases.PREFIX + "node";
		String url = Databases.fresh(database);
		try {
			return measure("PostgreSQL", () -> RatswegNode.onPostgres("benchmark-pg", url), this.arrivals);
		}
		finally {
			Databases.drop(database);
		}
	}

	/**
	 * The open-loop load against plain Camunda with its Tasklist ({@link PlainTasklist})
	 * on a fresh PostgreSQL database, with the same clerks, arrivals and co-signing work.
	 */
	TasklistArrivals.Result plainOnPostgres() throws Exception {
		String database = Databases.PREFIX + "plain_tasklist";
		String url = Databases.fresh(database);
		try (RatswegNode node = RatswegNode.ofMainClass("benchmark-plain-tasklist", PlainTasklist.class.getName(), url)
			.start()) {
			Duration ready = node.awaitReady(Duration.ofMinutes(5));
			Benchmark.log("B2 plain Camunda Tasklist ready in %d ms, %d MiB resident", ready.toMillis(),
					node.residentKiB() / 1024);
			return this.arrivals.run("Plain Camunda", node, TasklistArrivals.PLAIN);
		}
		finally {
			Databases.drop(database);
		}
	}

	interface NodeFactory {

		RatswegNode create();

	}

	private Result measure(String database, NodeFactory nodes, TasklistArrivals arrivals) throws Exception {
		Duration first;
		try (RatswegNode node = nodes.create().start()) {
			first = node.awaitReady(Duration.ofMinutes(5));
		}
		try (RatswegNode node = nodes.create().start()) {
			Duration restart = node.awaitReady(Duration.ofMinutes(5));
			// what a node holds when it has just become ready and settled for a moment
			Thread.sleep(2000);
			long afterStart = node.residentKiB();
			Benchmark.log("B4 %s: first start %d ms, restart %d ms, %d MiB resident", database, first.toMillis(),
					restart.toMillis(), afterStart / 1024);
			TasklistArrivals.Result open = (arrivals != null) ? arrivals.run("Ratsweg", node, TasklistArrivals.RATSWEG)
					: null;
			TasklistLoad.Result result = this.load.run(node);
			long afterLoad = node.residentKiB();
			Benchmark.log("B2 %s: %d requests, %.1f requests/s, %d tasks completed, %d errors, %d MiB resident after",
					database, result.requests(), result.requestsPerSecond(), result.completed(), result.errorCount(),
					afterLoad / 1024);
			return new Result(database, first, restart, afterStart, afterLoad, result, open);
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
