package de.ratsweg.engine.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import de.ratsweg.engine.SignedIn;
import de.ratsweg.engine.TaskInputException;
import de.ratsweg.engine.forms.FormInputGuard;

/**
 * The engine's doors beside the forms, whatever API a user calls (Java, engine REST, the
 * webapps' API). Staff change a project only through the forms of their tasks
 * ({@link FormInputGuard}); everything else that writes process data, acts on jobs,
 * batches, external tasks or attachments, or counts across municipalities is an
 * administrator's tool ({@link Door}). A few doors staff need stay open, narrowed: a
 * task's dates and people (not its name), comments on open tasks they work on, their own
 * password (not their name).
 *
 * <p>
 * The closed doors are named by families of the engine's command classes, not one by one:
 * a command Camunda adds to a family (a new way to move a job, say) is closed from the
 * start. {@code EngineDoorsTest} reads every command class of the engine and fails when
 * one that writes variables or jobs, or counts, belongs to no door and is not checked
 * against a form.
 *
 * <p>
 * Only the command a client sends is checked, not the commands the engine runs inside it
 * (a timer that the completion of a task creates, say); Ratsweg itself (no signed-in
 * user: the job executor, start-up, its services) is not restricted.
 */
public class EngineDoors extends CommandInterceptor {

	/** The doors only administrators open, and what a user is told. */
	enum Door {

		/** Setting, changing or removing variables outside a form. */
		VARIABLES("Die Angaben eines Vorhabens ändern sich nur über die Formulare seiner Aufgaben.",
				"^(Set|Remove|Patch)\\w*Variables?\\w*Cmd$"),
		/** Starting, moving or restarting a process somewhere in its middle. */
		MODIFICATION("Nur Administratoren dürfen einen Vorgang an einer beliebigen Stelle starten oder versetzen.",
				"Modif|Restart|Migrat|Instantiation|^StartProcessInstanceAtActivitiesCmd$"),
		/** Messages, signals and conditions that move processes from outside. */
		EVENTS("Nachrichten, Signale und Bedingungen an Vorgänge senden nur Administratoren und angebundene Systeme "
				+ "mit Administratorrechten.", "Message|Signal|Condition"),
		/**
		 * A BPMN error or escalation thrown from a task: it ends the task, and with it a
		 * step or the whole project, without its form.
		 */
		TASK_EVENTS("Eine Aufgabe wird über ihr Formular abgeschlossen.", "^HandleTask(BpmnError|Escalation)Cmd$"),
		/** Name, description and priority of a task come from its model. */
		TASK_PROPERTIES("Name, Beschreibung und Priorität einer Aufgabe legt das Prozessmodell fest.",
				"^SetTask(Name|Description|Priority)Cmd$"),
		/**
		 * Attachments (Tasklist offers none; files belong in the city's records system).
		 */
		ATTACHMENTS("Anhänge verwalten nur Administratoren.", "Attachment"),
		/** Timers, mails, look-ups, the history cleanup, and their definitions. */
		JOBS("Zeitgeber und Hintergrundaufträge verwalten nur Administratoren.", "Job|HistoryCleanup"),
		/** Batches (the engine's mass operations). */
		BATCHES("Massenoperationen verwalten nur Administratoren.", "Batch"),
		/** External tasks (work for connected systems). */
		EXTERNAL_TASKS("Externe Aufgaben bearbeiten nur Administratoren.", "ExternalTask"),
		/** Incidents: listed, annotated, resolved and created in Cockpit. */
		INCIDENTS("Störungen bearbeiten nur Administratoren (in Cockpit).", "Incident"),
		/** Counts over all municipalities: statistics, reports, metrics. */
		FIGURES("Zahlen über alle Städte hinweg (Statistiken, Berichte, Metriken) sehen nur Administratoren.",
				"Statistic|Report|Metric|Telemetry|Optimize"),
		/** The engine's own tables, properties, licence and schema. */
		ENGINE("Die Einstellungen und Tabellen der Engine sehen nur Administratoren.",
				"^(Get|Set|Delete)Propert(y|ies)Cmd$|License|SchemaLog|^GetTable|TablePage"),
		/** Deleting history or setting its removal time. */
		HISTORY("Die Historie löschen oder ihre Aufbewahrung ändern nur Administratoren.",
				"DeleteHistoric|RemovalTime|HistoryTimeToLive"),
		/** Evaluating a decision table outside a process. */
		DECISIONS("Entscheidungstabellen werden im Vorgang ausgewertet, nicht einzeln.", "EvaluateDecision");

		final String message;

		final Pattern classNames;

		Door(String message, String classNames) {
			this.message = message;
			this.classNames = Pattern.compile(classNames);
		}

	}

	/**
	 * What a user may change of a task through "save task" ({@code PUT /task/{id}}):
	 * dates, and who works on it (checked by {@link PersonalTasks}).
	 */
	private static final Set<String> TASK_FIELDS_STAFF_CHANGE = Set.of(TaskEntity.DUE_DATE, TaskEntity.FOLLOW_UP_DATE,
			TaskEntity.ASSIGNEE, TaskEntity.OWNER, TaskEntity.DELEGATION);

	/** Whose permissions anyone may ask about by id (the webapps ask for these). */
	private static final Set<Integer> CHECKABLE_BY_ID = Set.of(Resources.APPLICATION.resourceType(),
			Resources.FILTER.resourceType());

	/** A comment is a note, not a document. */
	static final int LONGEST_COMMENT = 2000;

	private final ProcessEngineConfigurationImpl configuration;

	public EngineDoors(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	/**
	 * @return the door the command opens, or {@code null} when it is open to staff (the
	 * engine's authorization and tenant checks still apply)
	 */
	public static Door door(Class<?> command) {
		String name = command.getSimpleName();
		if (command == StartProcessInstanceAtActivitiesCmd.class) {
			return Door.MODIFICATION;
		}
		for (Door door : Door.values()) {
			if (door.classNames.matcher(name).find()) {
				return door;
			}
		}
		return null;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() == null) {
			Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
			if (authentication != null && !SignedIn.isAdministrator(this.configuration, authentication)) {
				check(command, authentication);
			}
		}
		return this.next.execute(command);
	}

	private void check(Command<?> command, Authentication authentication) {
		Door door = door(command.getClass());
		if (door != null) {
			throw new AuthorizationException(door.message);
		}
		if (command instanceof SaveTaskCmd) {
			TaskEntity task = FormInputGuard.field(command, "task");
			if (task != null && task.getRevision() > 0) {
				changesOnlyWhatStaffMay(task);
			}
		}
		else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd) {
			comment(FormInputGuard.field(command, "taskId"), FormInputGuard.field(command, "processInstanceId"),
					FormInputGuard.field(command, "message"));
		}
		else if (command instanceof DeleteIdentityLinkCmd
				&& IdentityLinkType.CANDIDATE.equals(FormInputGuard.field(command, "type"))) {
			// a candidate could drop the task from every list, and its reminders would
			// reach nobody
			throw new AuthorizationException("Wem eine Aufgabe angeboten ist, ändert nur die Administration.");
		}
		else if (command instanceof SaveUserCmd) {
			ownNameStays(FormInputGuard.field(command, "user"));
		}
		else if (command instanceof AuthorizationCheckCmd) {
			Resource resource = FormInputGuard.field(command, "resource");
			String resourceId = FormInputGuard.field(command, "resourceId");
			if (resourceId != null && resource != null && !CHECKABLE_BY_ID.contains(resource.resourceType())) {
				// the permissions of a task (and so its existence) are no one else's
				// business
				throw new AuthorizationException(
						"Berechtigungen einzelner Vorgänge und Aufgaben prüft nur die " + "Administration.");
			}
		}
	}

	/** A task loaded and changed (not a new one: standalone tasks are off). */
	private static void changesOnlyWhatStaffMay(TaskEntity task) {
		Map<String, PropertyChange> changes = task.getPropertyChanges();
		List<String> changed = changes.values()
			.stream()
			.filter((change) -> !Objects.equals(change.getOrgValue(), change.getNewValue()))
			.map(PropertyChange::getPropertyName)
			.filter((property) -> !TASK_FIELDS_STAFF_CHANGE.contains(property))
			.toList();
		if (!changed.isEmpty()) {
			throw new AuthorizationException(Door.TASK_PROPERTIES.message);
		}
	}

	/**
	 * Staff comment on an open task they see (they are among its people), within its own
	 * process, briefly. The engine itself checks nothing when a comment is added. Refused
	 * as input (400, German), which Camunda's REST layer would otherwise hide behind "Not
	 * enough parameters submitted".
	 */
	private void comment(String taskId, String processInstanceId, String message) {
		Task task = (taskId != null)
				? this.configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult() : null;
		if (task == null) {
			throw new TaskInputException("Kommentare gibt es nur zu offenen Aufgaben, an denen Sie arbeiten dürfen.");
		}
		if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
			throw new TaskInputException("Ein Kommentar gehört zu seiner Aufgabe und deren Vorgang.");
		}
		if (message != null && message.length() > LONGEST_COMMENT) {
			throw new TaskInputException("Ein Kommentar hat höchstens %d Zeichen (dieser hat %d)."
				.formatted(LONGEST_COMMENT, message.length()));
		}
	}

	/**
	 * Staff change their own password, not their name or address: the decision record
	 * names people as the directory does, and mails go to the address the administration
	 * knows.
	 */
	private void ownNameStays(User user) {
		if (!(user instanceof UserEntity entity) || entity.getRevision() == 0) {
			return; // a new user: the engine checks who may create users
		}
		User stored = this.configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult();
		if (stored != null && (!Objects.equals(stored.getFirstName(), user.getFirstName())
				|| !Objects.equals(stored.getLastName(), user.getLastName())
				|| !Objects.equals(stored.getEmail(), user.getEmail()))) {
			throw new AuthorizationException("Name und E-Mail-Adresse pflegt die Administration.");
		}
	}

}
