package de.ratsweg.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import de.ratsweg.PostgresTestDatabase;

import static de.ratsweg.cluster.ClusterWork.count;
import static de.ratsweg.cluster.ClusterWork.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away under load and comes back: the node reports itself DOWN while the
 * database is, UP again afterwards without being restarted, and every project started
 * before, during and after is accounted for: each start the client saw succeed exists
 * once and has gone on to its task (its asynchronous step was executed by the job
 * executor after the outage as well), each start the client saw fail left nothing behind.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DatabaseRestartIT {

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	private final String database = PostgresTestDatabase.fresh("ratsweg_restart");

	private RatswegNode node;

	private final AtomicBoolean loading = new AtomicBoolean(true);

	@AfterEach
	void cleanUp() {
		this.loading.set(false);
		PostgresServer.ensureRunning();
		if (this.node != null) {
			this.node.close();
		}
	}

	@Test
	void theNodeRecoversOnItsOwnAndEveryStartedProjectIsAccountedFor() throws Exception {
		this.node = RatswegNode.onPostgres("knoten-c", this.database)
			// Fail fast while the database is away instead of waiting 10 s per request.
			.property("spring.datasource.hikari.connection-timeout", "2000")
			// A job that was running when the database went away cannot even record its
			// failure: it
			// stays locked and runs again once its lock expires (5 minutes by default, 15
			// s here).
			.property("camunda.bpm.job-execution.lock-time-in-millis", "15000")
			.start();
		this.node.awaitReady(Duration.ofMinutes(3));
		ClusterWork.deployTestModels(this.node);

		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Map<String, String> refused = new ConcurrentHashMap<>();
		Thread load = new Thread(() -> {
			int i = 0;
			while (this.loading.get()) {
				String businessKey = "last-" + i++;
				try {
					HttpResponse<String> response = ClusterWork.start(this.node, ClusterWork.WORK_PROCESS, businessKey,
							"");
					if (response.statusCode() == 200) {
						acknowledged.add(businessKey);
					}
					else {
						refused.put(businessKey, response.statusCode() + " " + response.body());
					}
				}
				catch (RuntimeException ex) {
					refused.put(businessKey, ex.toString());
				}
				RatswegNode.sleep(Duration.ofMillis(50));
			}
		}, "load");
		load.start();

		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);
		assertThat(health()).isEqualTo(200);

		PostgresServer.stop();
		Instant stoppedAt = Instant.now();
		boolean sawDown = false;
		while (Duration.between(stoppedAt, Instant.now()).compareTo(OUTAGE) < 0) {
			if (health() == 503) {
				sawDown = true;
			}
			RatswegNode.sleep(Duration.ofMillis(500));
		}
		assertThat(sawDown).as("/actuator/health said DOWN while the database was away").isTrue();
		int acknowledgedBeforeRestart = acknowledged.size();
		PostgresServer.start();

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> health() == 200);
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= acknowledgedBeforeRestart + 50);
		this.loading.set(false);
		load.join(TimeUnit.SECONDS.toMillis(40));
		assertThat(this.node.isAlive()).as("the node was not restarted").isTrue();
		assertThat(refused).as("starts refused while the database was away").isNotEmpty();

		// Every acknowledged start has reached its task; the job executor recovered.
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> count(this.database,
					"SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
							+ "WHERE e.business_key_ LIKE 'last-%'") >= acknowledged.size());
		List<Map<String, Object>> instances = query(this.database,
				"SELECT business_key_ FROM act_hi_procinst WHERE business_key_ LIKE 'last-%'");
		Set<String> stored = instances.stream()
			.map((row) -> (String) row.get("business_key_"))
			.collect(Collectors.toSet());
		assertThat(instances).as("no start stored twice").hasSameSizeAs(stored);
		assertThat(stored).as("every acknowledged start is stored").containsAll(acknowledged);
		assertThat(stored).as("nothing stored that the client was told failed, unless the answer itself was lost")
			.allSatisfy((key) -> assertThat(acknowledged.contains(key) || refused.containsKey(key)).isTrue());
		assertThat(count(this.database,
				"SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
						+ "WHERE e.business_key_ LIKE 'last-%' AND t.task_def_key_ = ?",
				ClusterWork.WORK_TASK))
			.as("each stored instance waits at its task once")
			.isEqualTo(stored.size());
		assertThat(count(this.database, "SELECT count(*) FROM act_ru_incident")).as("no incidents").isZero();
		writeReport(acknowledged.size(), refused.size(), stored.size());
	}

	private int health() {
		return this.node.health();
	}

	private void writeReport(int acknowledged, int refused, int stored) throws IOException {
		Path report = Path.of("target", "nodes", "database-restart.txt");
		Files.writeString(report, "acknowledged starts: " + acknowledged + "\nrefused starts: " + refused
				+ "\nstored instances: " + stored + "\n");
	}

}
