package de.ratsweg.engine.notification;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.notification.DeadlineRules;

/**
 * Tells people about their tasks: a mail to everyone who may work on a new task, a mail
 * to whoever someone else assigns a task to, and the deadline timers of every task. A
 * built-in listener of every user task.
 */
class TaskNotifications implements TaskListener {

	/**
	 * The tasks announced in each running command: a task created with an assignee fires
	 * both "create" and "assignment", and gets one mail. Forgotten with the command.
	 */
	private final Map<CommandContext, Set<String>> announced = Collections.synchronizedMap(new WeakHashMap<>());

	private final MailJobs mailJobs;

	private final TaskPeopleLookup people;

	private final DeadlineJobHandler deadlines;

	private final DeadlineRules rules;

	TaskNotifications(MailJobs mailJobs, TaskPeopleLookup people, DeadlineJobHandler deadlines, DeadlineRules rules) {
		this.mailJobs = mailJobs;
		this.people = people;
		this.deadlines = deadlines;
		this.rules = rules;
	}

	@Override
	public void notify(DelegateTask task) {
		// The timers run with mails off too, so that every open task has them when mails
		// are switched on; only the mails themselves wait for an SMTP host (MailJobs).
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> {
				announce(task, Mail.Kind.NEW_TASK);
				this.deadlines.schedule(task, this.rules.of(processKey(task)));
			}
			case EVENTNAME_ASSIGNMENT -> {
				String actor = ProcessRecords.currentUser(task.getExecution());
				if (task.getAssignee() == null || task.getAssignee().equals(actor)) {
					// given back, or taken by the user themselves: nobody to tell
					announcedInThisCommand().add(task.getId());
					return;
				}
				announce(task, Mail.Kind.ASSIGNED);
			}
			case EVENTNAME_UPDATE -> {
				if (EngineExtensions.changed(task, TaskEntity.DUE_DATE)) {
					this.deadlines.schedule(task, this.rules.of(processKey(task)));
				}
			}
			case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> this.deadlines.cancel(task);
			default -> {
			}
		}
	}

	private void announce(DelegateTask task, Mail.Kind kind) {
		if (!announcedInThisCommand().add(task.getId())) {
			return;
		}
		if (this.mailJobs.enabled()) {
			this.mailJobs.queue(kind, task.getId(), task.getTenantId(), task.getProcessDefinitionId(),
					this.people.workers(this.people.of(task)));
		}
	}

	private Set<String> announcedInThisCommand() {
		return this.announced.computeIfAbsent(Context.getCommandContext(), (command) -> new HashSet<>());
	}

	private static String processKey(DelegateTask task) {
		if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
			return execution.getProcessDefinition().getKey();
		}
		return null;
	}

}
