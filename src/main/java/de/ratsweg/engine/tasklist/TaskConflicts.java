package de.ratsweg.engine.tasklist;

import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ratsweg.engine.forms.FormInputGuard;
import de.ratsweg.tasklist.TaskConflictException;

/**
 * Two people act on the same task at the same moment (both click "Abschließen", or one
 * claims what the other just took): the engine lets exactly one win, and rolls the other
 * back completely. The loser gets a {@link TaskConflictException} (409) that says in
 * German what happened, instead of Camunda's 500 with "OptimisticLockingException" or
 * "Cannot find task".
 */
public class TaskConflicts extends CommandInterceptor {

	static final String CHANGED = "Diese Aufgabe wurde im selben Moment von jemand anderem erledigt oder geändert. "
			+ "Ihre Eingaben wurden nicht gespeichert; bitte laden Sie die Aufgabe neu.";

	static final String CLAIMED = "Diese Aufgabe hat bereits jemand anderes übernommen (%s). "
			+ "Bitte laden Sie die Aufgabenliste neu.";

	/**
	 * How often a command runs when its task is still open after a conflict (the conflict
	 * was elsewhere in the same process).
	 */
	private static final int ATTEMPTS = 5;

	/** PostgreSQL: serialization failure, deadlock detected. */
	private static final Set<String> CONFLICT_SQL_STATES = Set.of("40001", "40P01");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'")
		.withZone(ZoneId.of("Europe/Berlin"));

	private static final Logger log = LoggerFactory.getLogger(TaskConflicts.class);

	private final ProcessEngineConfigurationImpl configuration;

	public TaskConflicts(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
				|| command instanceof ClaimTaskCmd)) {
			return this.next.execute(command);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return this.next.execute(command);
			}
			catch (OptimisticLockingException ex) {
				String taskId = taskIdOf(command);
				if (attempt < ATTEMPTS && isOpen(taskId)) {
					// Someone changed the same process (another department's statement),
					// not
					// this task: nothing was stored, so the same command runs once more.
					log.info(
							"Task {}: its process was changed concurrently, running the command again (attempt {}): {}",
							taskId, attempt + 1, ex.getMessage());
					pause(attempt);
					continue;
				}
				throw conflict(ex, CHANGED);
			}
			catch (RuntimeException ex) {
				throw answer(command, ex);
			}
		}
	}

	private RuntimeException answer(Command<?> command, RuntimeException exception) {
		if (exception instanceof TaskAlreadyClaimedException claimed) {
			return conflict(claimed, String.format(CLAIMED, claimed.getTaskAssignee()));
		}
		if (exception instanceof NullValueException || exception instanceof AuthorizationException) {
			// The task was read while the other request committed: it is gone, and with
			// it the
			// authorizations it carried. A task that has not ended keeps its answer (404,
			// 403).
			HistoricTaskInstance done = endedTask(taskIdOf(command));
			return (done != null) ? conflict(exception, alreadyDone(done)) : exception;
		}
		if (exception instanceof ProcessEngineException && isConflictInDatabase(exception)) {
			return conflict(exception, CHANGED);
		}
		return exception;
	}

	/** A short random pause, so that the same commands do not collide again in step. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isOpen(String taskId) {
		return taskId != null && this.configuration.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
	}

	private static TaskConflictException conflict(Exception cause, String message) {
		log.info("Task conflict answered with 409: {}", cause.getMessage());
		return new TaskConflictException(message, cause);
	}

	private static String alreadyDone(HistoricTaskInstance task) {
		String who = (task.getAssignee() != null) ? task.getAssignee() : "jemand anderem";
		return "Diese Aufgabe wurde bereits am " + TIME.format(task.getEndTime().toInstant()) + " von " + who
				+ " erledigt. Ihre Eingaben wurden nicht gespeichert; bitte laden Sie die Aufgabenliste neu.";
	}

	/**
	 * The task as the history knows it, if it has ended; looked up as the calling user,
	 * so a task of another municipality stays unknown.
	 */
	private HistoricTaskInstance endedTask(String taskId) {
		if (taskId == null) {
			return null;
		}
		List<HistoricTaskInstance> tasks = this.configuration.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.finished()
			.listPage(0, 1);
		return tasks.isEmpty() ? null : tasks.get(0);
	}

	/** Complete, submit-form and claim keep the task id in a field of that name. */
	private static String taskIdOf(Command<?> command) {
		return FormInputGuard.field(command, "taskId");
	}

	private static boolean isConflictInDatabase(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && CONFLICT_SQL_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
