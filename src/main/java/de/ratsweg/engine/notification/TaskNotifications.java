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

import de.ratsweg.kernel.ProcessRecords;

/**
 * Tells people about their tasks: a mail to everyone who may work on a new task, and a
 * mail to whoever someone else assigns a task to. A built-in listener of every user task;
 * reminders and escalations come from the sweep over due dates ({@link DeadlineSweep}).
 */
class TaskNotifications implements TaskListener {

	/**
	 * The tasks announced in each running command: a task created with an assignee fires
	 * both "create" and "assignment", and gets one mail. Forgotten with the command.
	 */
	private final Map<CommandContext, Set<String>> announced = Collections.synchronizedMap(new WeakHashMap<>());

	private final MailJobs mailJobs;

	private final TaskPeopleLookup people;

	TaskNotifications(MailJobs mailJobs, TaskPeopleLookup people) {
		this.mailJobs = mailJobs;
		this.people = people;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> announce(task, Mail.Kind.NEW_TASK);
			case EVENTNAME_ASSIGNMENT -> {
				String actor = ProcessRecords.currentUser(task.getExecution());
				if (task.getAssignee() == null || task.getAssignee().equals(actor)) {
					// given back, or taken by the user themselves: nobody to tell
					announcedInThisCommand().add(task.getId());
					return;
				}
				announce(task, Mail.Kind.ASSIGNED);
			}
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

}
