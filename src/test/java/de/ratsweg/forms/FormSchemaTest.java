package de.ratsweg.forms;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side check of a Camunda Form's rules: what the form refuses in the browser
 * is refused again here, in German, and fields hidden by their condition are skipped.
 */
class FormSchemaTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private final FormSchema form = FormSchema.of(new ObjectMapper().readTree(
			"""
					{ "id": "ExampleForm", "components": [
					  { "type": "text", "text": "Überschrift" },
					  { "type": "textfield", "key": "title", "label": "Titel", "validate": { "required": true, "maxLength": 10 } },
					  { "type": "number", "key": "cost", "label": "Kosten", "decimalDigits": 2, "validate": { "min": 0, "max": 1000.5 } },
					  { "type": "select", "key": "mode", "label": "Art", "values": [ { "label": "A", "value": "a" } ] },
					  { "type": "checklist", "key": "units", "label": "Stellen", "values": [ { "label": "IT", "value": "fb-it" } ] },
					  { "type": "checkbox", "key": "signed", "label": "Unterschrieben", "validate": { "required": true } },
					  { "type": "datetime", "key": "day", "dateLabel": "Termin", "subtype": "date", "disallowPassedDates": true },
					  { "type": "textfield", "key": "ref", "label": "Zeichen", "validate": { "pattern": "^[0-9]{4}/[0-9]+$" } },
					{ "type": "textarea", "key": "need", "label": "Bedarf", "readonly": true },
					{ "type": "textfield", "key": "slow", "label": "Langsam", "validate": { "pattern": "^(a|a)*$" } },
					  { "type": "group", "components": [
					    { "type": "textarea", "key": "reason", "label": "Grund", "validate": { "required": true },
					      "conditional": { "hide": "=mode != \\"a\\"" } } ] }
					] }
					"""));

	FormSchemaTest() throws Exception {
	}

	@Test
	void validInputPasses() {
		assertThat(check(valid())).isEmpty();
	}

	@Test
	void aTextFieldTakesTextOnly() {
		Map<String, Object> input = valid();
		input.put("title", Map.of("t", "Einwand"));
		input.put("reason", List.of("a", "b"));

		assertThat(check(input)).containsExactly("„Titel“ muss ein Text sein.", "„Grund“ muss ein Text sein.");
	}

	@Test
	void everyRuleOfTheFormIsCheckedAgain() {
		Map<String, Object> input = valid();
		input.put("title", "Viel zu langer Titel");
		input.put("cost", "-1");
		input.put("mode", "b");
		input.put("units", List.of("fb-it", "kaemmerei"));
		input.put("signed", false);
		input.put("day", "2026-11-25");
		input.put("ref", "15/2026");

		assertThat(check(input)).containsExactly("„Titel“ darf höchstens 10 Zeichen lang sein.",
				"„Kosten“ darf nicht kleiner als 0 sein.", "„Art“: „b“ ist keine der möglichen Antworten.",
				"„Stellen“: „kaemmerei“ ist keine der möglichen Antworten.", "„Unterschrieben“ muss bestätigt werden.",
				"„Termin“ darf nicht in der Vergangenheit liegen.", "„Zeichen“ hat nicht das erwartete Format.");
	}

	@Test
	void aRequiredFieldIsMissingWhenEmptyOrBlank() {
		Map<String, Object> input = valid();
		input.put("title", "  ");
		input.remove("signed");
		input.put("reason", "");

		assertThat(check(input)).containsExactly("„Titel“ fehlt.", "„Unterschrieben“ muss bestätigt werden.",
				"„Grund“ fehlt.");
	}

	@Test
	void nothingOutsideTheFormMayBeSubmittedAndReadOnlyFieldsStayAsTheyAre() {
		Map<String, Object> input = valid();
		input.put("estimatedCost", 50000);
		input.put("need", "geändert");

		assertThat(check(input, Map.of("need", "Der Bedarf"))).containsExactly(
				"„estimatedCost“ gehört nicht zu diesem Formular.", "„Bedarf“ kann hier nicht geändert werden.");

		input.put("need", "Der Bedarf");
		input.remove("estimatedCost");
		assertThat(check(input, Map.of("need", "Der Bedarf"))).isEmpty();
	}

	@Test
	void aValueLeftFromAnEarlierStepDoesNotCountAsInput() {
		Map<String, Object> input = valid();
		input.remove("signed");
		input.remove("title");

		assertThat(check(input, Map.of("signed", true, "title", "Leuchten"))).containsExactly("„Titel“ fehlt.",
				"„Unterschrieben“ muss bestätigt werden.");
	}

	@Test
	void aPatternThatWouldBacktrackForeverRefusesTheInputInsteadOfHangingTheServer() {
		Map<String, Object> input = valid();
		input.put("slow", "a".repeat(40) + "b");

		assertThat(check(input)).containsExactly("„Langsam“ hat nicht das erwartete Format.");
	}

	@Test
	void aShownCheckboxThatIsNotSubmittedIsNo() {
		Map<String, Object> input = valid();
		input.remove("signed");

		assertThat(this.form.uncheckedCheckboxes(input, (condition) -> false))
			.containsExactly(Map.entry("signed", false));
	}

	@Test
	void aFieldHiddenByItsConditionIsNotRequired() {
		Map<String, Object> input = valid();
		input.remove("mode");
		input.remove("reason");

		assertThat(check(input)).isEmpty();
	}

	@Test
	void numbersAndDatesMustBeWhatTheySayAndTheLimitsAreInclusive() {
		Map<String, Object> input = valid();
		input.put("cost", 1000.5);
		input.put("day", TODAY.toString());
		assertThat(check(input)).isEmpty();

		input.put("cost", 12.345);
		assertThat(check(input)).containsExactly("„Kosten“ darf höchstens 2 Nachkommastellen haben.");

		input.put("cost", "zwölf");
		input.put("day", "2026-12-01 [x](https://example.org)");
		assertThat(check(input)).containsExactly("„Kosten“ muss eine Zahl sein.",
				"„Termin“ ist kein gültiges Datum (TT.MM.JJJJ).");
	}

	@Test
	void daysKeepTheOrderTheFormNamesInItsFieldProperties() throws Exception {
		FormSchema notice = FormSchema.of(new ObjectMapper().readTree("""
				{ "id": "NoticeForm", "components": [
				  { "type": "datetime", "key": "submittedOn", "dateLabel": "Eingereicht am", "subtype": "date",
				    "properties": { "notAfter": "today,callDeadline", "notAfterLabel": "der Einreichungsfrist" } },
				  { "type": "datetime", "key": "periodStart", "dateLabel": "Beginn", "subtype": "date" },
				  { "type": "datetime", "key": "periodEnd", "dateLabel": "Ende", "subtype": "date",
				    "properties": { "notBefore": "periodStart" } }
				] }
				"""));
		assertThat(notice.variableNames()).contains("callDeadline");

		assertThat(notice.check(
				Map.of("submittedOn", "2026-11-26", "periodStart", "2027-01-01", "periodEnd", "2026-12-31"),
				Map.of("callDeadline", "2026-11-20"), (condition) -> false, TODAY))
			.containsExactly("„Eingereicht am“ darf nicht nach der Einreichungsfrist (20.11.2026) liegen.",
					"„Ende“ darf nicht vor „Beginn“ (01.01.2027) liegen.");
		assertThat(notice.check(Map.of("submittedOn", "2026-11-27"), Map.of(), (condition) -> false, TODAY))
			.containsExactly("„Eingereicht am“ darf nicht in der Zukunft liegen.");
		assertThat(notice.check(Map.of("submittedOn", "2026-11-20", "periodEnd", "2027-01-01"),
				Map.of("callDeadline", "2026-11-20", "periodStart", "2027-01-01"), (condition) -> false, TODAY))
			.isEmpty();
	}

	@Test
	void aChoiceWhoseOptionsTheProcessOffersTakesOnlyThoseOptions() throws Exception {
		FormSchema schedule = FormSchema.of(new ObjectMapper().readTree("""
				{ "id": "ScheduleForm", "components": [
				  { "type": "select", "key": "offeredMeeting", "label": "Sitzung", "valuesKey": "upcomingMeetings" }
				] }
				"""));
		Map<String, Object> offered = Map.of("upcomingMeetings",
				List.of(Map.of("label", "12.12.2026 – 7. Sitzung", "value", "2026-12-12")));
		assertThat(schedule.variableNames()).contains("upcomingMeetings");

		assertThat(schedule.check(Map.of("offeredMeeting", "2026-12-12"), offered, (condition) -> false, TODAY))
			.isEmpty();
		assertThat(schedule.check(Map.of("offeredMeeting", "2027-01-01"), offered, (condition) -> false, TODAY))
			.containsExactly("„Sitzung“: „2027-01-01“ ist keine der möglichen Antworten.");
		assertThat(schedule.check(Map.of("offeredMeeting", "2026-12-12"), Map.of(), (condition) -> false, TODAY))
			.as("nothing offered, nothing to choose")
			.hasSize(1);
	}

	private List<String> check(Map<String, Object> input) {
		return check(input, Map.of());
	}

	private List<String> check(Map<String, Object> input, Map<String, Object> existing) {
		return this.form.check(input, existing, (condition) -> {
			// the FEEL engine is exercised by the process tests; here the one condition
			assertThat(condition).isEqualTo("=mode != \"a\"");
			return !"a".equals(input.get("mode"));
		}, TODAY);
	}

	private static Map<String, Object> valid() {
		Map<String, Object> input = new HashMap<>();
		input.put("title", "Leuchten");
		input.put("cost", 12);
		input.put("mode", "a");
		input.put("units", List.of("fb-it"));
		input.put("signed", true);
		input.put("day", "2026-12-01");
		input.put("ref", "2026/0815");
		input.put("reason", "weil");
		return input;
	}

}
