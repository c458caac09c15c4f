package de.ratsweg.committee;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;

/**
 * The result texts the result table ({@value ResultText#DECISION_KEY}) did not read, and
 * what the committee office chose for each when it clarified the result: the list from
 * which administrators extend the table. Written in the transaction of the step that met
 * the text, so a step that fails leaves nothing behind.
 */
@Component
public class ResultTextLog {

	/** A text longer than this is cut (whole protocol sentences occur). */
	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	ResultTextLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The council information system reported a text the table did not read. */
	void unmapped(String tenantId, String text) {
		insert(tenantId, text, null);
	}

	/** The office chose an outcome for a text the table did not read. */
	void chosen(String tenantId, String text, String outcome) {
		insert(tenantId, text, outcome);
	}

	private void insert(String tenantId, String text, String outcome) {
		String kept = (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
		String normalized = ResultText.normalize(kept);
		this.jdbc
			.sql("INSERT INTO ratsweg_result_text (tenant_id, result_text, normalized_text, outcome, recorded_at) "
					+ "VALUES (:tenant, :text, :normalized, :outcome, :at)")
			.param("tenant", tenantId)
			.param("text", kept)
			.param("normalized", (normalized.length() > MAX_TEXT) ? normalized.substring(0, MAX_TEXT) : normalized)
			.param("outcome", outcome)
			.param("at", Timestamp.from(EngineClock.instant()))
			.update();
	}

	/**
	 * One text the table did not read, with how often it came and what the office chose.
	 *
	 * @param text the text as a council information system wrote it (the latest spelling)
	 * @param normalized the text as the table reads it
	 * @param municipalities the municipalities (tenant ids) whose systems sent it
	 * @param occurrences how often it came
	 * @param choices outcome chosen by the office → how often
	 */
	public record Unread(String text, String normalized, List<String> municipalities, int occurrences,
			Map<String, Integer> choices) {
	}

	/** Every text the table did not read, the most frequent first. */
	public List<Unread> unread() {
		Map<String, Unread> byText = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT tenant_id, result_text, normalized_text, outcome FROM ratsweg_result_text "
					+ "ORDER BY recorded_at, id")
			.query((row,
					number) -> new Object[] { row.getString(1), row.getString(2), row.getString(3), row.getString(4) })
			.list()
			.forEach((row) -> {
				String normalized = (String) row[2];
				Unread known = byText.get(normalized);
				List<String> municipalities = new ArrayList<>((known != null) ? known.municipalities() : List.of());
				if (row[0] != null && !municipalities.contains((String) row[0])) {
					municipalities.add((String) row[0]);
				}
				Map<String, Integer> choices = new TreeMap<>((known != null) ? known.choices() : Map.of());
				int occurrences = (known != null) ? known.occurrences() : 0;
				if (row[3] == null) {
					occurrences++;
				}
				else {
					choices.merge((String) row[3], 1, Integer::sum);
				}
				byText.put(normalized, new Unread((String) row[1], normalized, municipalities, occurrences, choices));
			});
		List<Unread> unread = new ArrayList<>(byText.values());
		unread.sort((a, b) -> Integer.compare(b.occurrences(), a.occurrences()));
		return unread;
	}

}
