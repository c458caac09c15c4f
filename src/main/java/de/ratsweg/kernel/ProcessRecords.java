package de.ratsweg.kernel;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.engine.SignedIn;

/**
 * Small shared steps of the process services: appending an entry to a list variable (kept
 * as JSON), and telling who acts.
 */
public final class ProcessRecords {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private ProcessRecords() {
	}

	/**
	 * A copy of a list variable of records, empty when it does not exist yet.
	 */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> records(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		List<Map<String, Object>> records = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object entry : list) {
				records.add(new LinkedHashMap<>((Map<String, Object>) entry));
			}
		}
		return records;
	}

	/**
	 * Appends a record (with who and when) to the list variable.
	 */
	public static Map<String, Object> append(VariableScope scope, String name, Map<String, Object> record) {
		List<Map<String, Object>> records = records(scope, name);
		Map<String, Object> entry = new LinkedHashMap<>(record);
		entry.values().removeIf(Objects::isNull);
		records.add(entry);
		scope.setVariable(name, new ArrayList<>(records));
		return entry;
	}

	/**
	 * Keeps what a task's form gave, with who and when, in the list variable, then clears
	 * the form fields so that the next task of the same kind (another department, another
	 * board member) starts with an empty form.
	 */
	public static void keepTaskInput(DelegateTask task, String listVariable, Map<String, Object> record,
			String... formFields) {
		Map<String, Object> entry = new LinkedHashMap<>(record);
		entry.put("user", actor(task));
		entry.put("time", now());
		append(task.getExecution(), listVariable, entry);
		for (String field : formFields) {
			task.getExecution().removeVariable(field);
		}
	}

	/**
	 * Empties what an earlier round left, so that nothing of it counts in this round: a
	 * form shows the fields empty, a gateway never decides on an old value. The variables
	 * are set to null, not removed, so that the emptied value also reaches the calling
	 * process.
	 */
	public static void forget(VariableScope scope, String... names) {
		for (String name : names) {
			scope.setVariable(name, null);
		}
	}

	/**
	 * Who completes the task: the signed-in user, else the assignee.
	 */
	public static String actor(DelegateTask task) {
		String user = currentUser(task.getExecution());
		return user != null ? user : task.getAssignee();
	}

	public static String currentUser(DelegateExecution execution) {
		SignedIn user = SignedIn.current(execution.getProcessEngineServices().getIdentityService());
		return user == null ? null : user.userId();
	}

	public static String now() {
		return ISO.format(EngineClock.now().toInstant().atZone(Dates.ZONE));
	}

	public static String format(Date date) {
		return date == null ? null : ISO.format(date.toInstant().atZone(Dates.ZONE));
	}

}
