package de.ratsweg.cosigning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.forms.FormText;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.project.SmartCityProject;

import static de.ratsweg.cosigning.DepartmentCoSigning.*;

/**
 * The steps of the co-signing process: who must co-sign by when, recording each
 * statement, reminding, and the summary the board reads.
 */
@Component("coSigning")
public class CoSigning {

	private static final Logger log = LoggerFactory.getLogger(CoSigning.class);

	/** A department the table requires, when the rule says nothing itself. */
	static final String REQUIRED_BY_TABLE = "Pflicht-Mitzeichnung nach der Tabelle „Pflicht-Mitzeichnungen“";

	/**
	 * The departments: those the decision table requires plus those the idea names,
	 * without the lead unit (it wrote the idea), each with why it co-signs
	 * ({@value DepartmentCoSigning#REASONS} for the forms). The deadline:
	 * {@value DepartmentCoSigning#DEFAULT_DAYS} days unless the instance sets
	 * {@code coSigningDays}.
	 */
	public void plan(DelegateExecution execution) {
		Set<String> required = new LinkedHashSet<>();
		Set<String> named = new LinkedHashSet<>();
		addAll(required, execution.getVariable(REQUIRED_DEPARTMENTS));
		addAll(named, de.ratsweg.forms.FormValues.plain(execution, SmartCityProject.INVOLVED_DEPARTMENTS));
		// An empty table result is Collections.emptyList(), a type the engine may not
		// read back (deserialization-allowed-classes): kept as a plain list instead.
		execution.setVariable(REQUIRED_DEPARTMENTS, new ArrayList<>(required));
		Set<String> departments = new LinkedHashSet<>(required);
		departments.addAll(named);
		departments.remove(String.valueOf(execution.getVariable(SmartCityProject.LEAD_UNIT)));
		List<Map<String, Object>> reasons = reasons(departments, execution.getVariable(RequiredBy.VARIABLE), named);
		// never stored, and not handed to the calling process when nobody co-signs
		execution.removeVariable(RequiredBy.VARIABLE);
		execution.setVariable(REASONS_BY_DEPARTMENT, new ArrayList<>(reasons));
		execution.setVariable(REASONS, asMarkdown(reasons));
		int days = Dates.number(execution.getVariable(DAYS), DEFAULT_DAYS);
		int escalationDays = Dates.number(execution.getVariable(ESCALATION_DAYS), DEFAULT_ESCALATION_DAYS);
		execution.setVariable(DEPARTMENTS, new ArrayList<>(departments));
		execution.setVariable(DUE_DATE, Dates.inDays(days));
		execution.setVariable(ESCALATION_DATE, Dates.inDays((long) days + escalationDays));
		execution.setVariable(STATEMENTS, new ArrayList<>());
		ProcessRecords.forget(execution, STATEMENT, STATEMENT_TEXT, MISSING, FOLLOW_UP_NOTE);
		execution.setVariable(REMINDERS, 0);
		log.info("Co-signing of process instance {}: departments {}, {} days", execution.getProcessInstanceId(),
				departments, days);
	}

	/**
	 * Why each department co-signs: the annotations of the rules that require it (the
	 * table's name when a rule has none, or when the matched rules are not known), and
	 * whether the lead unit named it.
	 */
	static List<Map<String, Object>> reasons(Collection<String> departments, Object matchedRules,
			Collection<String> named) {
		List<Map<String, Object>> reasons = new ArrayList<>();
		for (String department : departments) {
			List<String> why = new ArrayList<>();
			if (matchedRules instanceof Collection<?> rules) {
				rules.stream()
					.filter(RequiredBy.class::isInstance)
					.map(RequiredBy.class::cast)
					.filter((rule) -> rule.department().equals(department))
					.map((rule) -> (rule.annotation() != null) ? rule.annotation() : REQUIRED_BY_TABLE)
					.distinct()
					.forEach(why::add);
			}
			if (named.contains(department)) {
				why.add(NAMED_BY_LEAD_UNIT);
			}
			if (why.isEmpty()) {
				why.add(REQUIRED_BY_TABLE);
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("department", department);
			entry.put("name", RatswegGroups.nameOf(department));
			entry.put("reasons", why);
			reasons.add(entry);
		}
		return reasons;
	}

	/** One Markdown list item per department, as the forms show it. */
	@SuppressWarnings("unchecked")
	static String asMarkdown(List<Map<String, Object>> reasons) {
		if (reasons.isEmpty()) {
			return "Keine Fachabteilung muss mitzeichnen.";
		}
		return reasons.stream()
			.map((entry) -> "- **" + FormText.plain(String.valueOf(entry.get("name"))) + "**: "
					+ ((List<String>) entry.get("reasons")).stream()
						.map(FormText::plain)
						.collect(Collectors.joining("; ")))
			.collect(Collectors.joining("\n"));
	}

	private static void addAll(Set<String> into, Object value) {
		if (value instanceof Collection<?> values) {
			values.forEach((department) -> into.add(String.valueOf(department)));
		}
	}

	/**
	 * Keeps the statement of the department whose task completes, then clears the form
	 * fields so that the next department starts with an empty form.
	 */
	public void recordStatement(DelegateTask task) {
		Statement statement = Statement.given(task.getVariable("department"), task.getVariable(STATEMENT),
				task.getVariable(STATEMENT_TEXT));
		ProcessRecords.keepTaskInput(task, STATEMENTS, statement.toMap(), STATEMENT, STATEMENT_TEXT);
	}

	/**
	 * At the deadline: counts the reminder and names the departments still missing (the
	 * mail to them follows with the notifications).
	 */
	public void remind(DelegateExecution execution) {
		List<String> missing = missing(execution);
		execution.setVariable(REMINDERS, Dates.number(execution.getVariable(REMINDERS), 0) + 1);
		execution.setVariable(MISSING, names(missing));
		log.info("Co-signing deadline passed in process instance {}: reminder to {}", execution.getProcessInstanceId(),
				missing);
	}

	/**
	 * When the lead unit's follow-up task is created: which departments are missing.
	 */
	public void listMissing(DelegateTask task) {
		task.getExecution().setVariable(MISSING, names(missing(task.getExecution())));
	}

	/**
	 * The lead unit closes the co-signing after the second deadline: each missing
	 * department is recorded as "keine Stellungnahme", and the board gets the summary as
	 * it stands.
	 */
	public void closeWithoutMissing(DelegateExecution execution) {
		for (String department : missing(execution)) {
			Statement none = new Statement(department, NO_STATEMENT, null, ProcessRecords.currentUser(execution),
					ProcessRecords.now());
			ProcessRecords.append(execution, STATEMENTS, none.toMap());
		}
		summarise(execution);
		log.info("Co-signing of process instance {} closed without the missing statements",
				execution.getProcessInstanceId());
	}

	/**
	 * After the last statement: the summary the board reads, objections first.
	 */
	public void summarise(DelegateExecution execution) {
		List<Statement> statements = new ArrayList<>(statements(execution));
		List<String> objections = new ArrayList<>();
		StringBuilder summary = new StringBuilder();
		statements.sort((a, b) -> Boolean.compare(!a.isObjection(), !b.isObjection()));
		for (Statement statement : statements) {
			String department = RatswegGroups.nameOf(String.valueOf(statement.department()));
			String line = "- **" + department + "**: " + Statement.IN_GERMAN.getOrDefault(statement.statement(), "?")
					+ (statement.text() != null ? " – " + FormText.plain(statement.text()) : "");
			summary.append(line).append('\n');
			if (statement.isObjection()) {
				objections.add(department + ": " + statement.text());
			}
		}
		if (statements.isEmpty()) {
			summary.append("Keine Fachabteilung musste mitzeichnen.");
		}
		execution.setVariable(SUMMARY, summary.toString().strip());
		execution.setVariable(OBJECTIONS, new ArrayList<>(objections));
	}

	private static List<String> missing(DelegateExecution execution) {
		Set<String> signed = statements(execution).stream()
			.map((statement) -> String.valueOf(statement.department()))
			.collect(Collectors.toSet());
		List<String> missing = new ArrayList<>();
		Object departments = execution.getVariable(DEPARTMENTS);
		if (departments instanceof Collection<?> all) {
			all.stream()
				.map(String::valueOf)
				.filter((department) -> !signed.contains(department))
				.forEach(missing::add);
		}
		return missing;
	}

	private static List<Statement> statements(DelegateExecution execution) {
		return ProcessRecords.records(execution, STATEMENTS).stream().map(Statement::from).toList();
	}

	private static String names(List<String> departments) {
		return departments.stream().map(RatswegGroups::nameOf).collect(Collectors.joining(", "));
	}

}
