package de.ratsweg.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * form-js renders a text view as Markdown and HTML: a value put into it with
 * {@code {{...}}} becomes a link, an image or a heading if it looks like one. So a text
 * view of the shipped forms shows only values that cannot carry markup (numbers and dates
 * the form guard checked, names the administrators configure) or text Ratsweg has made
 * plain ({@link FormText#plain}). What people type (a project's title, a paper's
 * reference, their remarks) is shown in read-only fields, whose value is never
 * interpreted.
 */
class FormTextViewsTest {

	/** Each variable a text view may show, and why it is safe there. */
	static final Map<String, String> SHOWN_IN_TEXT_VIEWS = new TreeMap<>(Map.ofEntries(
			Map.entry("requestedAmount", "a number (number field, checked by the form guard)"),
			Map.entry("grantedAmount", "a number (number field)"), Map.entry("eligibleCost", "a number"),
			Map.entry("ownShare", "a number computed by Ratsweg"),
			Map.entry("submissionLeadDays", "a number from the municipality's decision table"),
			Map.entry("callDeadline", "a date (date field, checked by the form guard)"),
			Map.entry("meetingDate", "a date"), Map.entry("submittedOn", "a date"),
			Map.entry("committeeName", "the committee's name from the municipality's decision table"),
			Map.entry("committeeRoleLabel", "Ratsweg's own words"),
			Map.entry("missingDepartmentNames", "the departments' names from Ratsweg's work groups"),
			Map.entry("submissionWarning", "Ratsweg's own words with dates"),
			Map.entry("fundingFailureReason", "Ratsweg's own words with a date"),
			Map.entry("votingSummary", "Ratsweg's own words with counts"),
			Map.entry("coSigningReasons", "made plain by FormText.plain"),
			Map.entry("coSigningSummary", "the departments' statements, made plain by FormText.plain"),
			Map.entry("councilSystemNote", "the council information system's words, made plain by FormText.plain")));

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}");

	@Test
	void textViewsShowOnlyValuesThatCannotCarryMarkup() throws IOException {
		Map<String, List<String>> shown = new TreeMap<>();
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".form")).toList()) {
				collect(new ObjectMapper().readTree(file.toFile()).path("components"), file.getFileName().toString(),
						shown);
			}
		}
		assertThat(shown).as("the forms have text views with values").isNotEmpty();
		assertThat(shown.keySet()).as("values in text views that are not known to be free of markup")
			.isSubsetOf(SHOWN_IN_TEXT_VIEWS.keySet());
		assertThat(shown).doesNotContainKeys("projectTitle", "paperReference");
	}

	@Test
	void plainTextIsNeitherLinkNorMarkupNorHtml() {
		assertThat(FormText.plain("Bitte neu anmelden: https://example.org/x")).doesNotContain("https://");
		assertThat(FormText.plain("[Hier](https://example.org) <img src=x> **fett** info@example.org"))
			.isEqualTo("\\[Hier\\]\\(https:/\u200B/example.org\\) &lt;img src=x&gt; \\*\\*fett\\*\\* "
					+ "info@\u200Bexample.org");
	}

	private static void collect(JsonNode components, String form, Map<String, List<String>> shown) {
		for (JsonNode component : components) {
			String text = component.path("text").asText(component.path("content").asText(""));
			if ("text".equals(component.path("type").asText()) || "html".equals(component.path("type").asText())) {
				Matcher matcher = TEMPLATE.matcher(text);
				while (matcher.find()) {
					shown.computeIfAbsent(matcher.group(1), (key) -> new ArrayList<>())
						.add(form + " " + component.path("id").asText());
				}
			}
			collect(component.path("components"), form, shown);
		}
	}

}
