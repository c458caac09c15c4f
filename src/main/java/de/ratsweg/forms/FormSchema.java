package de.ratsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of one Camunda Form (form-js schema), checked again on the server: the
 * browser's validation can be bypassed (REST API, a stale form), the process must not
 * move on with input the form would have refused. Fields hidden by their condition are
 * skipped, as form-js does.
 */
final class FormSchema {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "select", "radio",
			"checkbox", "checklist", "datetime");

	private final String formId;

	private final List<JsonNode> fields;

	private FormSchema(String formId, List<JsonNode> fields) {
		this.formId = formId;
		this.fields = fields;
	}

	static FormSchema of(JsonNode form) {
		List<JsonNode> fields = new ArrayList<>();
		collect(form.path("components"), fields);
		return new FormSchema(form.path("id").asText(), fields);
	}

	private static void collect(JsonNode components, List<JsonNode> into) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (INPUT_TYPES.contains(type)) {
				into.add(component);
			}
			else if (component.has("components")) {
				// groups: their fields belong to the same data level
				collect(component.path("components"), into);
			}
		}
	}

	String formId() {
		return this.formId;
	}

	/**
	 * Checks the values against the form's rules.
	 * @param values the variables the form sees (submitted and existing)
	 * @param hidden tells whether a FEEL condition ("=...") hides a field
	 * @param today the current day
	 * @return one German sentence per problem, empty when all is well
	 */
	List<String> check(Map<String, Object> values, Predicate<String> hidden, LocalDate today) {
		List<String> problems = new ArrayList<>();
		check(this.fields, values, hidden, today, problems);
		return problems;
	}

	private static void check(List<JsonNode> fields, Map<String, Object> values, Predicate<String> hidden,
			LocalDate today, List<String> problems) {
		for (JsonNode field : fields) {
			String condition = field.path("conditional").path("hide").asText(null);
			if (condition != null && hidden.test(condition)) {
				continue;
			}
			String type = field.path("type").asText();
			String label = label(field);
			Object value = values.get(field.path("key").asText());
			JsonNode rules = field.path("validate");
			if (isEmpty(value)) {
				if (rules.path("required").asBoolean(false)) {
					problems.add(
							("checkbox".equals(type) ? "„%s“ muss bestätigt werden." : "„%s“ fehlt.").formatted(label));
				}
				continue;
			}
			switch (type) {
				case "number" -> checkNumber(value, rules, label, problems);
				case "select", "radio" -> checkChoice(field, value, label, problems);
				case "checklist" -> checkChoices(field, value, label, problems);
				case "datetime" -> checkDate(field, value, label, today, problems);
				case "checkbox" -> {
					if (!(value instanceof Boolean)) {
						problems.add("„%s“ muss ja oder nein sein.".formatted(label));
					}
					else if (!(Boolean) value && rules.path("required").asBoolean(false)) {
						problems.add("„%s“ muss bestätigt werden.".formatted(label));
					}
				}
				default -> checkText(value, rules, label, problems);
			}
		}
	}

	private static void checkNumber(Object value, JsonNode rules, String label, List<String> problems) {
		BigDecimal number = toNumber(value);
		if (number == null) {
			problems.add("„%s“ muss eine Zahl sein.".formatted(label));
			return;
		}
		if (rules.has("min") && number.compareTo(rules.path("min").decimalValue()) < 0) {
			problems.add("„%s“ darf nicht kleiner als %s sein.".formatted(label, plain(rules.path("min"))));
		}
		if (rules.has("max") && number.compareTo(rules.path("max").decimalValue()) > 0) {
			problems.add("„%s“ darf nicht größer als %s sein.".formatted(label, plain(rules.path("max"))));
		}
	}

	private static String plain(JsonNode number) {
		return number.decimalValue().stripTrailingZeros().toPlainString().replace('.', ',');
	}

	static BigDecimal toNumber(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String text) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static void checkChoice(JsonNode field, Object value, String label, List<String> problems) {
		if (!allowedValues(field).contains(String.valueOf(value))) {
			problems.add("„%s“: „%s“ ist keine der möglichen Antworten.".formatted(label, value));
		}
	}

	private static void checkChoices(JsonNode field, Object value, String label, List<String> problems) {
		if (!(value instanceof Collection<?> chosen)) {
			problems.add("„%s“ muss eine Auswahl aus der Liste sein.".formatted(label));
			return;
		}
		List<String> allowed = allowedValues(field);
		for (Object choice : chosen) {
			if (!allowed.contains(String.valueOf(choice))) {
				problems.add("„%s“: „%s“ ist keine der möglichen Antworten.".formatted(label, choice));
			}
		}
	}

	private static List<String> allowedValues(JsonNode field) {
		List<String> allowed = new ArrayList<>();
		field.path("values").forEach((option) -> allowed.add(option.path("value").asText()));
		return allowed;
	}

	private static void checkDate(JsonNode field, Object value, String label, LocalDate today, List<String> problems) {
		LocalDate date = toDate(value);
		if (date == null) {
			problems.add("„%s“ ist kein gültiges Datum (TT.MM.JJJJ).".formatted(label));
			return;
		}
		if (field.path("disallowPassedDates").asBoolean(false) && date.isBefore(today)) {
			problems.add("„%s“ darf nicht in der Vergangenheit liegen.".formatted(label));
		}
	}

	static LocalDate toDate(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZONE).toLocalDate();
		}
		if (value instanceof String text) {
			try {
				// form-js stores a date as yyyy-MM-dd, a date and time as
				// yyyy-MM-ddTHH:mm...
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static void checkText(Object value, JsonNode rules, String label, List<String> problems) {
		String text = String.valueOf(value);
		if (rules.has("minLength") && text.strip().length() < rules.path("minLength").asInt()) {
			problems
				.add("„%s“ muss mindestens %d Zeichen lang sein.".formatted(label, rules.path("minLength").asInt()));
		}
		if (rules.has("maxLength") && text.length() > rules.path("maxLength").asInt()) {
			problems.add("„%s“ darf höchstens %d Zeichen lang sein.".formatted(label, rules.path("maxLength").asInt()));
		}
		if (rules.has("pattern")) {
			try {
				if (!Pattern.compile(rules.path("pattern").asText()).matcher(text).find()) {
					problems.add("„%s“ hat nicht das erwartete Format.".formatted(label));
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalStateException("Form field '" + label + "' has an invalid pattern", ex);
			}
		}
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> collection && collection.isEmpty());
	}

	private static String label(JsonNode field) {
		for (String name : List.of("label", "dateLabel", "key")) {
			String label = field.path(name).asText("");
			if (!label.isBlank()) {
				return label;
			}
		}
		return field.path("id").asText();
	}

}
