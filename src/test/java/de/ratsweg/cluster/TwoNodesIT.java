package de.ratsweg.cluster;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import de.ratsweg.PostgresTestDatabase;

import static de.ratsweg.cluster.ClusterWork.count;
import static de.ratsweg.cluster.ClusterWork.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Ratsweg nodes, each its own JVM from the packaged jar, share one PostgreSQL
 * database, each with its job executor: they start at the same moment without creating
 * anything twice, share their users' sessions, share their tasks, execute each of 1,000
 * timers exactly once between them, and when one is killed with {@code kill -9} while it
 * holds jobs, the other finishes those jobs once their lock has expired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoNodesIT {

	/**
	 * Shortened from Camunda's five minutes, so that the test waits seconds, not minutes.
	 */
	private static final int LOCK_TIME_MILLIS = 15_000;

	private static final int TIMERS = 1000;

	private final String database = PostgresTestDatabase.fresh("ratsweg_cluster");

	private RatswegNode nodeA;

	private RatswegNode nodeB;

	@BeforeAll
	void twoNodesStartAtTheSameMoment() {
		this.nodeA = node("knoten-a").start();
		this.nodeB = node("knoten-b").start();
		this.nodeA.awaitReady(Duration.ofMinutes(3));
		this.nodeB.awaitReady(Duration.ofMinutes(3));
		ClusterWork.deployTestModels(this.nodeA);
	}

	@AfterAll
	void stopNodes() {
		if (this.nodeA != null) {
			this.nodeA.close();
		}
		if (this.nodeB != null) {
			this.nodeB.close();
		}
	}

	@Test
	@Order(1)
	void nodesStartingTogetherCreateEveryVersionGroupAndFilterOnce() {
		assertThat(query(this.database,
				"SELECT key_, tenant_id_, count(*) AS versions FROM act_re_procdef GROUP BY key_, tenant_id_ "
						+ "HAVING count(*) > 1"))
			.as("process and decision versions deployed twice")
			.isEmpty();
		assertThat(query(this.database,
				"SELECT key_, count(*) FROM act_re_decision_def GROUP BY key_, tenant_id_ " + "HAVING count(*) > 1"))
			.isEmpty();
		assertThat(count(this.database, "SELECT count(*) FROM act_re_deployment WHERE name_ = 'ratsweg-processes'"))
			.isOne();
		assertThat(count(this.database, "SELECT count(*) FROM act_re_procdef WHERE key_ = 'SmartCityProjectProcess'"))
			.isOne();
		assertThat(query(this.database, "SELECT name_, count(*) FROM act_ru_filter GROUP BY name_ HAVING count(*) > 1"))
			.as("Tasklist filters created twice")
			.isEmpty();
		assertThat(count(this.database, "SELECT count(*) FROM act_ru_filter")).isPositive();
		assertThat(count(this.database, "SELECT count(*) FROM act_id_group WHERE id_ = 'kaemmerei'")).isOne();
		assertThat(count(this.database, "SELECT count(*) FROM act_id_user WHERE id_ = ?", RatswegNode.ADMIN)).isOne();
		assertThat(query(this.database,
				"SELECT resource_type_, resource_id_, group_id_, user_id_, count(*) FROM act_ru_authorization "
						+ "GROUP BY resource_type_, resource_id_, group_id_, user_id_ HAVING count(*) > 1"))
			.as("authorizations granted twice")
			.isEmpty();
		// One of them found the folder deployed by the other.
		assertThat(this.nodeA.logTail(400) + this.nodeB.logTail(400)).contains("is unchanged since deployment");
	}

	@Test
	@Order(2)
	void aLoginOnNodeAIsValidOnNodeB() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(
				HttpRequest.newBuilder(URI.create(this.nodeA.baseUrl() + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.discarding());
		String xsrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> login = browser.send(HttpRequest
			.newBuilder(URI.create(this.nodeA.baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + RatswegNode.ADMIN + "&password=" + RatswegNode.ADMIN_PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as("login on node A: %s", login.body()).isEqualTo(200);

		HttpResponse<String> onB = browser
			.send(HttpRequest.newBuilder(URI.create(this.nodeB.baseUrl() + "/camunda/api/admin/auth/user/default"))
				.header("X-XSRF-TOKEN", xsrf)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).as("the same session on node B: %s", onB.body()).isEqualTo(200);
		assertThat(onB.body()).contains("\"userId\":\"" + RatswegNode.ADMIN + "\"");

		HttpResponse<String> strangerOnB = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.nodeB.baseUrl() + "/camunda/api/admin/auth/user/default"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(strangerOnB.statusCode()).as("control: without the session").isNotEqualTo(200);
	}

	@Test
	@Order(3)
	void aTaskCompletedOnNodeAIsGoneOnNodeB() {
		HttpResponse<String> started = ClusterWork.start(this.nodeA, ClusterWork.WORK_PROCESS, "akte-1", "");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String instance = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.nodeB.get("/engine-rest/task?maxResults=50&processInstanceId=" + instance)
				.body()
				.contains(ClusterWork.WORK_TASK));
		String task = this.nodeB.get("/engine-rest/task?maxResults=50&processInstanceId=" + instance)
			.body()
			.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");

		assertThat(this.nodeA.post("/engine-rest/task/" + task + "/complete", "{}").statusCode()).isEqualTo(204);

		assertThat(this.nodeB.get("/engine-rest/task?maxResults=50&processInstanceId=" + instance).body())
			.isEqualTo("[]");
		assertThat(this.nodeB.get("/engine-rest/task/" + task).statusCode()).isEqualTo(404);
		HttpResponse<String> again = this.nodeB.post("/engine-rest/task/" + task + "/complete", "{}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
		assertThat(again.body()).contains("bereits am").contains("erledigt");
		assertThat(count(this.database, "SELECT count(*) FROM act_hi_procinst WHERE id_ = ? AND end_time_ IS NOT NULL",
				instance))
			.isOne();
	}

	@Test
	@Order(4)
	void aThousandTimersDueAtOnceAreEachExecutedExactlyOnceByTheTwoNodes() throws Exception {
		// Due once all are started (about 25 s for 1,000 on two cores).
		String due = Instant.now().plusSeconds(45).toString();
		List<String> instances = startTimers("frist", TIMERS, due, List.of(this.nodeA, this.nodeB));
		assertThat(instances).hasSize(TIMERS);

		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> endedTimerInstances("frist-") == TIMERS);

		assertTimersRanExactlyOnce("frist-", TIMERS);
		Map<String, Long> byNode = executionsByNode("frist-");
		assertThat(byNode).as("both nodes executed timers: %s", byNode).containsOnlyKeys("knoten-a", "knoten-b");
		assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMERS);
	}

	@Test
	@Order(5)
	void whenNodeAIsKilledWhileHoldingJobsNodeBFinishesThemAfterTheLockExpires() throws Exception {
		int jobs = 400;
		this.nodeB.close();
		// Due once all are started, so that node A finds all 400 due at once.
		String due = Instant.now().plusSeconds(30).toString();
		startTimers("absturz", jobs, due, List.of(this.nodeA));

		// Node A alone takes the jobs; kill it while it holds some.
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> lockedJobs("absturz-") >= 3 && endedTimerInstances("absturz-") > 0);
		this.nodeA.kill();
		List<Map<String, Object>> orphaned = query(this.database,
				"SELECT j.id_, j.lock_exp_time_ FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_ "
						+ "WHERE e.business_key_ LIKE 'absturz-%' AND j.lock_owner_ IS NOT NULL");
		assertThat(orphaned).as("jobs node A held when it died").isNotEmpty();
		long endedBeforeTheCrash = endedTimerInstances("absturz-");
		assertThat(endedBeforeTheCrash).isLessThan(jobs);

		this.nodeB = node("knoten-b").start();
		this.nodeB.awaitReady(Duration.ofMinutes(3));
		await().atMost(Duration.ofMillis(LOCK_TIME_MILLIS).plusMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> endedTimerInstances("absturz-") == jobs);

		assertTimersRanExactlyOnce("absturz-", jobs);
		for (Map<String, Object> job : orphaned) {
			List<Map<String, Object>> done = query(this.database,
					"SELECT hostname_, timestamp_ FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2",
					job.get("id_"));
			assertThat(done).as("orphaned job %s executed once", job.get("id_")).hasSize(1);
			assertThat(done.get(0).get("hostname_")).isEqualTo("knoten-b");
			assertThat(((java.sql.Timestamp) done.get(0).get("timestamp_")).toInstant())
				.as("executed after the lock of the dead node expired")
				.isAfterOrEqualTo(((java.sql.Timestamp) job.get("lock_exp_time_")).toInstant());
		}
	}

	private RatswegNode node(String name) {
		return RatswegNode.onPostgres(name, this.database)
			.property("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(LOCK_TIME_MILLIS))
			.property("camunda.bpm.job-execution.max-jobs-per-acquisition", "10")
			.property("camunda.bpm.job-execution.max-wait", "2000");
	}

	/** Starts the timers through the given nodes, four at a time. */
	private List<String> startTimers(String prefix, int number, String due, List<RatswegNode> nodes) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> started = new ArrayList<>();
			for (int i = 0; i < number; i++) {
				RatswegNode node = nodes.get(i % nodes.size());
				String businessKey = prefix + "-" + i;
				started.add(clients.submit(() -> {
					HttpResponse<String> response = ClusterWork.start(node, ClusterWork.TIMER_PROCESS, businessKey,
							"\"due\":{\"value\":\"" + due + "\",\"type\":\"String\"}");
					assertThat(response.statusCode()).as("%s: %s", businessKey, response.body()).isEqualTo(200);
					return businessKey;
				}));
			}
			List<String> keys = new ArrayList<>();
			for (Future<String> future : started) {
				keys.add(future.get(2, TimeUnit.MINUTES));
			}
			return keys;
		}
		finally {
			clients.shutdownNow();
		}
	}

	private long endedTimerInstances(String prefix) {
		return count(this.database,
				"SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE ? " + "AND end_time_ IS NOT NULL",
				prefix + "%");
	}

	private long lockedJobs(String prefix) {
		return count(this.database,
				"SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_ "
						+ "WHERE e.business_key_ LIKE ? AND j.lock_owner_ IS NOT NULL",
				prefix + "%");
	}

	/** Each instance passed its timer once, and each timer job succeeded once. */
	private void assertTimersRanExactlyOnce(String prefix, int number) {
		assertThat(
				count(this.database, "SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE ?", prefix + "%"))
			.as("no instance lost or doubled")
			.isEqualTo(number);
		assertThat(query(this.database,
				"SELECT a.proc_inst_id_, count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_ "
						+ "WHERE p.business_key_ LIKE ? AND a.act_id_ = ? GROUP BY a.proc_inst_id_ HAVING count(*) <> 1",
				prefix + "%", ClusterWork.TIMER))
			.as("instances whose timer did not fire exactly once")
			.isEmpty();
		assertThat(query(this.database,
				"SELECT l.job_id_, count(*) FROM act_hi_job_log l JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_ "
						+ "WHERE p.business_key_ LIKE ? AND l.job_state_ = 2 GROUP BY l.job_id_ HAVING count(*) <> 1",
				prefix + "%"))
			.as("timer jobs that succeeded more than once")
			.isEmpty();
		assertThat(count(this.database,
				"SELECT count(DISTINCT l.job_id_) FROM act_hi_job_log l JOIN act_hi_procinst p "
						+ "ON p.id_ = l.process_instance_id_ WHERE p.business_key_ LIKE ? AND l.job_state_ = 2",
				prefix + "%"))
			.isEqualTo(number);
	}

	private Map<String, Long> executionsByNode(String prefix) {
		return query(this.database,
				"SELECT l.hostname_, count(*) AS jobs FROM act_hi_job_log l JOIN act_hi_procinst p "
						+ "ON p.id_ = l.process_instance_id_ WHERE p.business_key_ LIKE ? AND l.job_state_ = 2 "
						+ "GROUP BY l.hostname_",
				prefix + "%")
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("hostname_"),
					(row) -> ((Number) row.get("jobs")).longValue()));
	}

}
