package de.ratsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import de.ratsweg.kernel.Dates;

/**
 * The rules of one Camunda Form (form-js schema), checked again on the server: the
 * browser's validation can be bypassed (REST API, a stale form), the process must not
 * move on with input the form would have refused. Fields hidden by their condition are
 * skipped, as form-js does.
 */
public final class FormSchema {

	private static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "select", "radio",
			"checkbox", "checklist", "datetime");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String formId;

	private final List<JsonNode> fields;

	private final Set<String> variableNames = new HashSet<>();

	private FormSchema(String formId, List<JsonNode> fields) {
		this.formId = formId;
		this.fields = fields;
		for (JsonNode field : fields) {
			this.variableNames.add(field.path("key").asText());
			if (!field.path("valuesKey").asText("").isBlank()) {
				// a choice whose options the process offers (e.g. the meetings of a
				// committee)
				this.variableNames.add(field.path("valuesKey").asText());
			}
			for (String limit : List.of("notBefore", "notAfter")) {
				for (String variable : field.path("properties").path(limit).asText("").split(",")) {
					if (IDENTIFIER.matcher(variable.strip()).matches() && !"today".equals(variable.strip())) {
						this.variableNames.add(variable.strip());
					}
				}
			}
			Matcher identifiers = IDENTIFIER.matcher(field.path("conditional").path("hide").asText(""));
			while (identifiers.find()) {
				this.variableNames.add(identifiers.group());
			}
		}
	}

	public static FormSchema of(JsonNode form) {
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

	public String formId() {
		return this.formId;
	}

	/**
	 * The variables the form reads: its fields and what its conditions name.
	 */
	public Set<String> variableNames() {
		return this.variableNames;
	}

	/**
	 * Checks submitted input against the form's rules, the way the form itself does in
	 * the browser: every visible required field must be submitted (a value left over from
	 * an earlier step does not count), every submitted value must fit its field, and
	 * nothing may be submitted that is not a field of the form or that the form shows
	 * read-only.
	 * @param submitted the variables the command submits
	 * @param existing the variables the task or process already has
	 * @param hidden tells whether a FEEL condition ("=...") hides a field, evaluated on
	 * the existing variables overlaid with the submitted ones
	 * @param today the current day
	 * @return one German sentence per problem, empty when all is well
	 */
	public List<String> check(Map<String, Object> submitted, Map<String, Object> existing, Predicate<String> hidden,
			LocalDate today) {
		List<String> problems = new ArrayList<>();
		for (String name : submitted.keySet()) {
			if (this.fields.stream().noneMatch((field) -> name.equals(field.path("key").asText()))) {
				problems.add("„%s“ gehört nicht zu diesem Formular.".formatted(name));
			}
		}
		for (JsonNode field : this.fields) {
			String key = field.path("key").asText();
			String label = label(field);
			if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)) {
				if (submitted.containsKey(key) && !unchanged(field, submitted.get(key), existing.get(key))) {
					problems.add("„%s“ kann hier nicht geändert werden.".formatted(label));
				}
				continue;
			}
			String condition = field.path("conditional").path("hide").asText(null);
			if (condition != null && hidden.test(condition)) {
				continue;
			}
			checkField(field, label, submitted.get(key), existing, today, problems);
			if ("datetime".equals(field.path("type").asText()) && Dates.day(submitted.get(key)) != null) {
				checkDateOrder(field, label, Dates.day(submitted.get(key)),
						(name) -> submitted.containsKey(name) ? submitted.get(name) : existing.get(name), today,
						problems);
			}
		}
		return problems;
	}

	/**
	 * Checkboxes that are shown but not submitted count as "no", as in the browser.
	 */
	public Map<String, Object> uncheckedCheckboxes(Map<String, Object> submitted, Predicate<String> hidden) {
		Map<String, Object> defaults = new java.util.LinkedHashMap<>();
		for (JsonNode field : this.fields) {
			String key = field.path("key").asText();
			String condition = field.path("conditional").path("hide").asText(null);
			if ("checkbox".equals(field.path("type").asText()) && !submitted.containsKey(key)
					&& !field.path("readonly").asBoolean(false) && (condition == null || !hidden.test(condition))) {
				defaults.put(key, Boolean.FALSE);
			}
		}
		return defaults;
	}

	/**
	 * The read-only fields of the form: Tasklist sends them back with every submission;
	 * once found unchanged they are left out, so that the stored value keeps its type
	 * (and an unset value stays unset instead of becoming an empty text).
	 */
	public Set<String> readOnlyKeys() {
		Set<String> keys = new HashSet<>();
		for (JsonNode field : this.fields) {
			if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)) {
				keys.add(field.path("key").asText());
			}
		}
		return keys;
	}

	/**
	 * Whether a read-only field comes back as it was shown. What form-js 1.x in Tasklist
	 * 7.24 submits for a field it only displays (recorded from the browser): the text as
	 * it was, or "" when unset; a number as a JSON number, or null when unset; a day as
	 * {@code yyyy-MM-dd}, or null when unset or when the variable is an engine Date
	 * (which form-js cannot show); a checklist as a JSON list, [] when unset; a checkbox
	 * as true/false, false when unset; a choice as its value, or null when unset.
	 */
	static boolean unchanged(JsonNode field, Object submitted, Object existing) {
		String type = field.path("type").asText();
		if (isEmpty(submitted) && (isEmpty(existing) || ("checkbox".equals(type) && Boolean.FALSE.equals(existing)))) {
			return true;
		}
		switch (type) {
			case "number" -> {
				BigDecimal a = FormValues.number(submitted);
				BigDecimal b = FormValues.number(existing);
				return a != null && b != null && a.compareTo(b) == 0;
			}
			case "datetime" -> {
				if (submitted == null && existing instanceof java.util.Date) {
					return true;
				}
				LocalDate a = Dates.day(submitted);
				return a != null && a.equals(Dates.day(existing));
			}
			case "checklist" -> {
				return submitted instanceof Collection<?> a && existing instanceof Collection<?> b
						&& strings(a).equals(strings(b));
			}
			case "checkbox" -> {
				return Boolean.FALSE.equals(submitted) && existing == null
						|| submitted instanceof Boolean && submitted.equals(existing);
			}
			default -> {
				return submitted != null && existing != null
						&& String.valueOf(submitted).equals(String.valueOf(existing));
			}
		}
	}

	private static Set<String> strings(Collection<?> values) {
		Set<String> strings = new HashSet<>();
		values.forEach((value) -> strings.add(String.valueOf(value)));
		return strings;
	}

	private static void checkField(JsonNode field, String label, Object value, Map<String, Object> existing,
			LocalDate today, List<String> problems) {
		String type = field.path("type").asText();
		JsonNode rules = field.path("validate");
		if (isEmpty(value)) {
			if (rules.path("required").asBoolean(false)) {
				problems
					.add(("checkbox".equals(type) ? "„%s“ muss bestätigt werden." : "„%s“ fehlt.").formatted(label));
			}
			return;
		}
		switch (type) {
			case "number" -> {
				checkNumber(value, rules, label, problems);
				checkDecimals(value, field.path("decimalDigits"), label, problems);
			}
			case "select", "radio" -> checkChoice(field, value, label, existing, problems);
			case "checklist" -> checkChoices(field, value, label, existing, problems);
			case "datetime" -> checkDate(field, value, label, today, problems);
			case "checkbox" -> {
				if (!(value instanceof Boolean)) {
					problems.add("„%s“ muss ja oder nein sein.".formatted(label));
				}
				else if (!(Boolean) value && rules.path("required").asBoolean(false)) {
					problems.add("„%s“ muss bestätigt werden.".formatted(label));
				}
			}
			case "textfield", "textarea" -> {
				if (value instanceof String) {
					checkText(value, rules, label, problems);
				}
				else {
					// e.g. a JSON object sent through the API: it would be stored and
					// shown as
					// its Java representation
					problems.add("„%s“ muss ein Text sein.".formatted(label));
				}
			}
			default -> checkText(value, rules, label, problems);
		}
	}

	private static void checkNumber(Object value, JsonNode rules, String label, List<String> problems) {
		BigDecimal number = FormValues.number(value);
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

	private static void checkDecimals(Object value, JsonNode decimalDigits, String label, List<String> problems) {
		BigDecimal number = FormValues.number(value);
		if (number != null && decimalDigits.isInt() && number.stripTrailingZeros().scale() > decimalDigits.asInt()) {
			problems.add("„%s“ darf höchstens %d Nachkommastellen haben.".formatted(label, decimalDigits.asInt()));
		}
	}

	private static String plain(JsonNode number) {
		return number.decimalValue().stripTrailingZeros().toPlainString().replace('.', ',');
	}

	private static void checkChoice(JsonNode field, Object value, String label, Map<String, Object> existing,
			List<String> problems) {
		if (!allowedValues(field, existing).contains(String.valueOf(value))) {
			problems.add("„%s“: „%s“ ist keine der möglichen Antworten.".formatted(label, value));
		}
	}

	private static void checkChoices(JsonNode field, Object value, String label, Map<String, Object> existing,
			List<String> problems) {
		if (!(value instanceof Collection<?> chosen)) {
			problems.add("„%s“ muss eine Auswahl aus der Liste sein.".formatted(label));
			return;
		}
		List<String> allowed = allowedValues(field, existing);
		for (Object choice : chosen) {
			if (!allowed.contains(String.valueOf(choice))) {
				problems.add("„%s“: „%s“ ist keine der möglichen Antworten.".formatted(label, choice));
			}
		}
	}

	/**
	 * The options of a choice: its own, or those the process offers in the variable the
	 * field names ({@code valuesKey}: a list of {@code {label, value}}).
	 */
	private static List<String> allowedValues(JsonNode field, Map<String, Object> existing) {
		List<String> allowed = new ArrayList<>();
		field.path("values").forEach((option) -> allowed.add(option.path("value").asText()));
		String valuesKey = field.path("valuesKey").asText("");
		if (!valuesKey.isBlank() && existing.get(valuesKey) instanceof Collection<?> offered) {
			for (Object option : offered) {
				if (option instanceof Map<?, ?> map && map.get("value") != null) {
					allowed.add(String.valueOf(map.get("value")));
				}
			}
		}
		return allowed;
	}

	private static void checkDate(JsonNode field, Object value, String label, LocalDate today, List<String> problems) {
		LocalDate date = Dates.day(value);
		if (date == null) {
			problems.add("„%s“ ist kein gültiges Datum (TT.MM.JJJJ).".formatted(label));
			return;
		}
		if (field.path("disallowPassedDates").asBoolean(false) && date.isBefore(today)) {
			problems.add("„%s“ darf nicht in der Vergangenheit liegen.".formatted(label));
		}
	}

	/**
	 * The order of days that the form names in its field's custom properties (form-js
	 * "properties"): {@code notAfter} ("today" or a variable) and {@code notBefore} (a
	 * variable), each with an optional {@code notAfterLabel} / {@code notBeforeLabel}
	 * that names the other day in German. A variable without a day is no limit.
	 */
	private void checkDateOrder(JsonNode field, String label, LocalDate date,
			java.util.function.Function<String, Object> values, LocalDate today, List<String> problems) {
		JsonNode properties = field.path("properties");
		for (String notAfter : properties.path("notAfter").asText("").split(",")) {
			if ("today".equals(notAfter.strip())) {
				if (date.isAfter(today)) {
					problems.add("„%s“ darf nicht in der Zukunft liegen.".formatted(label));
				}
			}
			else if (!notAfter.isBlank()) {
				LocalDate limit = Dates.day(values.apply(notAfter.strip()));
				if (limit != null && date.isAfter(limit)) {
					problems.add("„%s“ darf nicht nach %s (%s) liegen.".formatted(label,
							otherDay(properties.path("notAfterLabel"), notAfter.strip()), Dates.german(limit)));
				}
			}
		}
		String notBefore = properties.path("notBefore").asText("");
		if (!notBefore.isEmpty()) {
			LocalDate limit = Dates.day(values.apply(notBefore));
			if (limit != null && date.isBefore(limit)) {
				problems.add("„%s“ darf nicht vor %s (%s) liegen.".formatted(label,
						otherDay(properties.path("notBeforeLabel"), notBefore), Dates.german(limit)));
			}
		}
	}

	private String otherDay(JsonNode germanName, String variable) {
		if (!germanName.asText("").isBlank()) {
			return germanName.asText();
		}
		return this.fields.stream()
			.filter((field) -> variable.equals(field.path("key").asText()))
			.findFirst()
			.map((field) -> "„" + label(field) + "“")
			.orElse("„" + variable + "“");
	}

	private static void checkText(Object value, JsonNode rules, String label, List<String> problems) {
		String text = String.valueOf(value);
		if (rules.has("minLength") && text.strip().length() < rules.path("minLength").asInt()) {
			problems
				.add("„%s“ muss mindestens %d Zeichen lang sein.".formatted(label, rules.path("minLength").asInt()));
		}
		if (rules.has("maxLength") && text.length() > rules.path("maxLength").asInt()) {
			problems.add("„%s“ darf höchstens %d Zeichen lang sein.".formatted(label, rules.path("maxLength").asInt()));
			return;
		}
		if (rules.has("pattern") && !matches(rules.path("pattern").asText(), text, label)) {
			problems.add("„%s“ hat nicht das erwartete Format.".formatted(label));
		}
	}

	/**
	 * The form's pattern, with a budget: a pattern that backtracks without end on some
	 * input must not hold a thread and a database connection (the input is refused
	 * instead).
	 */
	private static boolean matches(String pattern, String text, String label) {
		try {
			return Pattern.compile(pattern).matcher(new BoundedText(text, 200_000L + 100L * text.length())).find();
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalStateException("Form field '" + label + "' has an invalid pattern", ex);
		}
		catch (BoundedText.BudgetExceeded ex) {
			return false;
		}
	}

	/**
	 * Text whose characters may be read only so many times.
	 */
	private record BoundedText(String text, long[] budget) implements CharSequence {

		BoundedText(String text, long budget) {
			this(text, new long[] { budget });
		}

		@Override
		public char charAt(int index) {
			if (--this.budget[0] < 0) {
				throw new BudgetExceeded();
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new BoundedText(this.text.substring(start, end), this.budget);
		}

		@Override
		public String toString() {
			return this.text;
		}

		static final class BudgetExceeded extends RuntimeException {

			BudgetExceeded() {
				super(null, null, false, false);
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
