package de.ratsweg.tasklist;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.beans.factory.ObjectProvider;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.tenancy.Municipalities;

/**
 * The columns of every Tasklist filter: what the project is called, which municipality it
 * belongs to, what it costs and when the task is due, as German text.
 *
 * <p>
 * They are task variables (set when a task is created and again when its due date
 * changes) rather than the process variables themselves: a user sees a task's own
 * variables through the task, without read access to the whole process instance, and a
 * form never writes them back.
 */
public class TaskColumns implements TaskListener {

	public static final String PROJECT = "listProject";

	public static final String MUNICIPALITY = "listMunicipality";

	public static final String COST = "listCost";

	public static final String DEADLINE = "listDeadline";

	/** Variable name to column label, in the order Tasklist shows them. */
	static final Map<String, String> COLUMNS;

	static {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put(PROJECT, "Vorhaben");
		columns.put(MUNICIPALITY, "Stadt");
		columns.put(COST, "Kosten");
		columns.put(DEADLINE, "Frist");
		COLUMNS = java.util.Collections.unmodifiableMap(columns);
	}

	/** Whether the variable is one of the columns. */
	public static boolean isColumn(String variableName) {
		return COLUMNS.containsKey(variableName);
	}

	private static final DateTimeFormatter DEADLINE_FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");

	private final ObjectProvider<Municipalities> municipalities;

	public TaskColumns(ObjectProvider<Municipalities> municipalities) {
		this.municipalities = municipalities;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
		if (created) {
			setIfPresent(task, PROJECT, task.getVariable(SmartCityProject.TITLE));
			if (task.getTenantId() != null) {
				task.setVariableLocal(MUNICIPALITY, this.municipalities.getObject().nameOf(task.getTenantId()));
			}
			setIfPresent(task, COST, euros(task.getVariable(SmartCityProject.ESTIMATED_COST)));
		}
		if (created || EngineExtensions.changed(task, EngineExtensions.DUE_DATE)) {
			String deadline = deadline(task.getDueDate());
			if (deadline != null) {
				task.setVariableLocal(DEADLINE, deadline);
			}
			else if (!created) {
				task.removeVariableLocal(DEADLINE);
			}
		}
	}

	private static void setIfPresent(DelegateTask task, String name, Object value) {
		if (value != null) {
			task.setVariableLocal(name, value.toString());
		}
	}

	static String euros(Object amount) {
		if (!(amount instanceof Number number)) {
			return null;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		format.setMaximumFractionDigits(0);
		return format.format(number);
	}

	static String deadline(Date dueDate) {
		return (dueDate != null) ? DEADLINE_FORMAT.format(dueDate.toInstant().atZone(Dates.ZONE)) : null;
	}

}
