package de.ratsweg.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import de.ratsweg.PostgresTestDatabase;

import static de.ratsweg.cluster.ClusterWork.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup and restore of docs/operations.md, done as written: {@code pg_dump} of the
 * running node's database, {@code pg_restore} into a new, empty database, a node started
 * on it, and a project that was waiting at the time of the backup goes on there.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BackupAndRestoreIT {

	private final String source = PostgresTestDatabase.fresh("ratsweg_backup");

	private final Path dump = Path.of("target", "nodes", "ratsweg_backup.dump");

	private final List<RatswegNode> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(RatswegNode::close);
	}

	@Test
	void aDumpRestoredIntoAFreshDatabaseContinuesAProjectThatWasWaiting() throws Exception {
		RatswegNode original = started(RatswegNode.onPostgres("knoten-d", this.source));
		ClusterWork.deployTestModels(original);
		HttpResponse<String> waiting = ClusterWork.start(original, ClusterWork.WORK_PROCESS, "akte-gesichert", "");
		assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
		String instance = idIn(waiting.body());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> original.get("/engine-rest/task?maxResults=50&processInstanceId=" + instance)
				.body()
				.contains(ClusterWork.WORK_TASK));

		// The backup, while the node runs (pg_dump reads one consistent snapshot).
		Files.deleteIfExists(this.dump);
		run("pg_dump", "--host=127.0.0.1", "--username=postgres", "--format=custom",
				"--file=" + this.dump.toAbsolutePath(), "ratsweg_backup");
		original.close();

		String restored = PostgresTestDatabase.fresh("ratsweg_restored");
		run("pg_restore", "--host=127.0.0.1", "--username=postgres", "--no-owner", "--exit-on-error",
				"--dbname=ratsweg_restored", this.dump.toAbsolutePath().toString());
		RatswegNode afterRestore = started(RatswegNode.onPostgres("knoten-e", restored));

		String task = afterRestore.get("/engine-rest/task?maxResults=50&processInstanceId=" + instance)
			.body()
			.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> completed = afterRestore.post("/engine-rest/task/" + task + "/complete", "{}");
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

		assertThat(count(restored, "SELECT count(*) FROM act_hi_procinst WHERE id_ = ? AND end_time_ IS NOT NULL",
				instance))
			.as("the restored project went on to its end")
			.isOne();
		assertThat(count(restored, "SELECT count(*) FROM act_re_procdef WHERE key_ = 'SmartCityProjectProcess'"))
			.as("the restored node found its models deployed")
			.isOne();
		assertThat(count(this.source, "SELECT count(*) FROM act_ru_task WHERE proc_inst_id_ = ?", instance))
			.as("the original database is untouched")
			.isOne();
	}

	private RatswegNode started(RatswegNode node) {
		this.nodes.add(node);
		node.start().awaitReady(Duration.ofMinutes(3));
		return node;
	}

	private static String idIn(String json) {
		return json.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
	}

}
