package de.ratsweg.forms;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only fields as Tasklist sends them back: form-js submits every field it shows,
 * also those the user cannot change, each in its own way (recorded in Chromium from
 * Tasklist 7.24, {@code forms/tasklist-read-only-submissions.json}). What comes back
 * unchanged is accepted; a real change is refused.
 */
class ReadOnlyFieldsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private final FormSchema form = FormSchema.of(resource("/forms/ReadOnlyFieldsForm.form"));

	private final JsonNode recorded = resource("/forms/tasklist-read-only-submissions.json");

	@ParameterizedTest
	@ValueSource(strings = { "set", "unset" })
	void whatTasklistSendsBackForEveryKindOfReadOnlyFieldIsAccepted(String variant) {
		Map<String, Object> stored = stored(this.recorded.path(variant).path("stored"));
		Map<String, Object> submitted = submitted(this.recorded.path(variant).path("submitted").path("variables"));

		assertThat(submitted).as("Tasklist sends every read-only field")
			.containsKeys("roText", "roNumber", "roDate", "roChecklist", "roCheckbox", "roSelect");
		assertThat(check(submitted, stored)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			roText      | "Hallo Welt" | „Text“
			roText      | ""           | „Text“
			roTextarea  | null         | „Textarea“
			roNumber    | 40000.01     | „Zahl“
			roNumber    | null         | „Zahl“
			roDecimal   | 1234         | „Dezimal“
			roDate      | "2026-12-18" | „Datum“
			roDateTyped | "2026-12-18" | „Datum typisiert“
			roChecklist | ["a","b"]    | „Liste“
			roChecklist | []           | „Liste“
			roCheckbox  | false        | „Haken“
			roSelect    | "a"          | „Auswahl“
			roRadio     | null         | „Radio“
			""")
	void aRealChangeOfAReadOnlyFieldIsRefused(String key, String value, String label) throws IOException {
		Map<String, Object> stored = stored(this.recorded.path("set").path("stored"));
		Map<String, Object> submitted = submitted(this.recorded.path("set").path("submitted").path("variables"));
		submitted.put(key, JSON.readValue(value, Object.class));

		assertThat(check(submitted, stored)).containsExactly(label + " kann hier nicht geändert werden.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			roText      | "Neu"
			roNumber    | 1
			roDate      | "2026-12-18"
			roChecklist | ["a"]
			roCheckbox  | true
			roSelect    | "a"
			""")
	void aValueForAnUnsetReadOnlyFieldIsRefused(String key, String value) throws IOException {
		Map<String, Object> submitted = submitted(this.recorded.path("unset").path("submitted").path("variables"));
		submitted.put(key, JSON.readValue(value, Object.class));

		assertThat(check(submitted, Map.of())).singleElement().asString().endsWith("kann hier nicht geändert werden.");
	}

	private List<String> check(Map<String, Object> submitted, Map<String, Object> stored) {
		return this.form.check(submitted, stored, (condition) -> false, TODAY);
	}

	/** The variables as the engine keeps them (a Date variable as a Date). */
	private static Map<String, Object> stored(JsonNode variables) {
		Map<String, Object> values = new HashMap<>();
		variables.fields().forEachRemaining((entry) -> {
			JsonNode variable = entry.getValue();
			Object value = switch (variable.path("type").asText()) {
				case "Date" -> Date.from(OffsetDateTime
					.parse(variable.path("value").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
					.toInstant());
				case "Json" -> read(variable.path("value").asText());
				default -> JSON.convertValue(variable.path("value"), Object.class);
			};
			values.put(entry.getKey(), value);
		});
		return values;
	}

	/** The submitted variables as the guard sees them (a Json value parsed). */
	private static Map<String, Object> submitted(JsonNode variables) {
		Map<String, Object> values = new HashMap<>();
		variables.fields().forEachRemaining((entry) -> {
			JsonNode variable = entry.getValue();
			values.put(entry.getKey(), "Json".equals(variable.path("type").asText())
					? read(variable.path("value").asText()) : JSON.convertValue(variable.path("value"), Object.class));
		});
		return values;
	}

	private static Object read(String json) {
		try {
			return JSON.readValue(json, Object.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode resource(String name) {
		try (InputStream in = ReadOnlyFieldsTest.class.getResourceAsStream(name)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
