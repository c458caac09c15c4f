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
			long residentAfterLoadKiB, TasklistLoad.Result load) {
	}

	private final TasklistLoad load;

	NodeBenchmark(TasklistLoad load) {
		this.load = load;
	}

	Result onH2() throws Exception {
		Path data = Path.of("target", "benchmark", "h2-data");
		deleteRecursively(data);
		Files.createDirectories(data);
		return measure("H2 (demo)",
				() -> RatswegNode.demoOnH2("benchmark-h2", data).administrator(DemoRoster.ADMIN, DemoRoster.PASSWORD));
	}

	Result onPostgres() throws Exception {
		String database = Databases.PREFIX + "node";
		String url = Databases.fresh(database);
		try {
			return measure("PostgreSQL", () -> RatswegNode.onPostgres("benchmark-pg", url));
		}
		finally {
			Databases.drop(database);
		}
	}

	interface NodeFactory {

		RatswegNode create();

	}

	private Result measure(String database, NodeFactory nodes) throws Exception {
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
			TasklistLoad.Result result = this.load.run(node);
			long afterLoad = node.residentKiB();
			Benchmark.log("B2 %s: %d requests, %.1f requests/s, %d tasks completed, %d errors, %d MiB resident after",
					database, result.requests(), result.requestsPerSecond(), result.completed(), result.errorCount(),
					afterLoad / 1024);
			return new Result(database, first, restart, afterStart, afterLoad, result);
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
