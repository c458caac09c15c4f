package de.ratsweg.cluster;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.model.bpmn.Bpmn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test models the cluster tests run on real nodes, how they deploy and start them
 * over the engine REST API (as the administrator, in Soest), and what they read directly
 * from the shared database to see what happened.
 */
final class ClusterWork {

	/** Waits for a date (variable {@code due}, ISO 8601), then ends. */
	static final String TIMER_PROCESS = "ClusterTimerProcess";

	/**
	 * An asynchronous step (a job), then the task "Akte prüfen" for the administrators.
	 */
	static final String WORK_PROCESS = "ClusterWorkProcess";

	static final String TIMER = "Timer_Due";

	static final String WORK_TASK = "Task_ReviewFile";

	static final String TENANT = "soest";

	private ClusterWork() {
	}

	static String timerProcess() {
		return Bpmn.convertToString(Bpmn.createExecutableProcess(TIMER_PROCESS)
			.name("Frist abwarten (Clustertest)")
			.camundaHistoryTimeToLive(30)
			.startEvent("StartEvent_Started")
			.intermediateCatchEvent(TIMER)
			.name("Frist erreicht")
			.timerWithDate("${due}")
			.endEvent("EndEvent_Done")
			.done());
	}

	static String workProcess() {
		return Bpmn.convertToString(Bpmn.createExecutableProcess(WORK_PROCESS)
			.name("Akte bearbeiten (Clustertest)")
			.camundaHistoryTimeToLive(30)
			.startEvent("StartEvent_Started")
			.manualTask("Task_Register")
			.name("Akte eintragen")
			.camundaAsyncBefore()
			.userTask(WORK_TASK)
			.name("Akte prüfen")
			.camundaCandidateGroups("camunda-admin")
			.endEvent("EndEvent_Done")
			.done());
	}

	/** Deploys the test models for Soest through the node's REST API. */
	static void deployTestModels(RatswegNode node) {
		String boundary = "----ratsweg" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("deployment-name", "cluster-test");
		parts.put("tenant-id", TENANT);
		parts.put("enable-duplicate-filtering", "true");
		for (Map.Entry<String, String> part : parts.entrySet()) {
			body.append("--").append(boundary).append("\r\n");
			body.append("Content-Disposition: form-data; name=\"").append(part.getKey()).append("\"\r\n\r\n");
			body.append(part.getValue()).append("\r\n");
		}
		Map<String, String> files = Map.of(TIMER_PROCESS + ".bpmn", timerProcess(), WORK_PROCESS + ".bpmn",
				workProcess());
		for (Map.Entry<String, String> file : files.entrySet()) {
			body.append("--").append(boundary).append("\r\n");
			body.append("Content-Disposition: form-data; name=\"")
				.append(file.getKey())
				.append("\"; filename=\"")
				.append(file.getKey())
				.append("\"\r\n");
			body.append("Content-Type: application/xml\r\n\r\n");
			body.append(file.getValue()).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		HttpResponse<String> response = node.send(node.request("/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).as("deploying the test models: %s", response.body()).isEqualTo(200);
	}

	/**
	 * Starts an instance through the node's REST API.
	 * @return the response (200 with the instance, or the error)
	 */
	static HttpResponse<String> start(RatswegNode node, String processKey, String businessKey, String variablesJson) {
		return node.post("/engine-rest/process-definition/key/" + processKey + "/tenant-id/" + TENANT + "/start",
				"{\"businessKey\":\"" + businessKey + "\",\"variables\":{" + variablesJson + "}}");
	}

	/** Rows of a query on the shared database, each as column label to value. */
	static List<Map<String, Object>> query(String jdbcUrl, String sql, Object... parameters) {
		try (Connection connection = connect(jdbcUrl); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= columns; column++) {
						row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
	}

	static long count(String jdbcUrl, String sql, Object... parameters) {
		return ((Number) query(jdbcUrl, sql, parameters).get(0).values().iterator().next()).longValue();
	}

	private static Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("RATSWEG_DB_USER", "postgres"),
				System.getenv().getOrDefault("RATSWEG_DB_PASSWORD", ""));
	}

}
