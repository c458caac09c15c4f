package de.ratsweg.engine.notification;

import java.time.Duration;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ratsweg.notification.DeadlineRules;
import de.ratsweg.notification.TaskPeople;

/**
 * The two deadline timers of every task ({@link DeadlineRules}): the reminder before the
 * due date goes to everyone who may work on the task, the escalation after it to the
 * leads of the task's groups. The timers are engine jobs, so that exactly one node of a
 * cluster fires each, and they are replaced when the due date changes and removed when
 * the task ends.
 */
public class DeadlineJobHandler implements JobHandler<DeadlineJobHandler.Deadline> {

	public static final String TYPE = "ratsweg-deadline";

	private static final Logger log = LoggerFactory.getLogger(DeadlineJobHandler.class);

	private final MailJobs mailJobs;

	private final TaskPeopleLookup people;

	public DeadlineJobHandler(MailJobs mailJobs, TaskPeopleLookup people) {
		this.mailJobs = mailJobs;
		this.people = people;
	}

	/**
	 * @param kind {@link Mail.Kind#REMINDER} or {@link Mail.Kind#ESCALATION}
	 * @param taskId the task
	 */
	record Deadline(Mail.Kind kind, String taskId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return this.kind.name() + "|" + this.taskId;
		}

		static Deadline parse(String configuration) {
			String[] parts = configuration.split("\\|", -1);
			return new Deadline(Mail.Kind.valueOf(parts[0]), parts[1]);
		}

	}

	/**
	 * Sets the task's timers for its current due date under the rule, replacing timers
	 * for an earlier due date. Runs inside the command that created or changed the task.
	 */
	void schedule(DelegateTask task, DeadlineRules.Rule rule) {
		Date due = task.getDueDate();
		schedule(task, Mail.Kind.REMINDER, (due != null) ? minus(due, rule.reminderBefore()) : null);
		schedule(task, Mail.Kind.ESCALATION, (due != null) ? plus(due, rule.escalationAfter()) : null);
	}

	private void schedule(DelegateTask task, Mail.Kind kind, Date when) {
		Deadline deadline = new Deadline(kind, task.getId());
		JobManager jobs = Context.getCommandContext().getJobManager();
		for (JobEntity existing : jobs.findJobsByConfiguration(TYPE, deadline.toCanonicalString(),
				task.getTenantId())) {
			if (when != null && when.equals(existing.getDuedate())) {
				return;
			}
			existing.delete();
		}
		if (when == null || !when.after(ClockUtil.getCurrentTime())) {
			// no due date, switched off, or already past when the task arrives
			return;
		}
		TimerEntity timer = new TimerEntity();
		timer.setJobHandlerType(TYPE);
		timer.setJobHandlerConfiguration(deadline);
		timer.setDuedate(when);
		timer.setTenantId(task.getTenantId());
		timer.setProcessDefinitionId(task.getProcessDefinitionId());
		timer.setExclusive(false);
		jobs.schedule(timer);
	}

	/** Removes the task's timers (the task is completed or deleted). */
	void cancel(DelegateTask task) {
		JobManager jobs = Context.getCommandContext().getJobManager();
		for (Mail.Kind kind : Set.of(Mail.Kind.REMINDER, Mail.Kind.ESCALATION)) {
			String configuration = new Deadline(kind, task.getId()).toCanonicalString();
			for (JobEntity timer : jobs.findJobsByConfiguration(TYPE, configuration, task.getTenantId())) {
				// A timer firing right now finds the task gone and does nothing;
				// deleting it would make the user's step fail on the executor's lock.
				if (timer.getLockOwner() == null) {
					timer.delete();
				}
			}
		}
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Deadline deadline, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		Task task = commandContext.getProcessEngineConfiguration()
			.getTaskService()
			.createTaskQuery()
			.taskId(deadline.taskId())
			.singleResult();
		if (task == null) {
			return;
		}
		TaskPeople taskPeople = this.people.of(task);
		if (deadline.kind() == Mail.Kind.REMINDER) {
			this.mailJobs.queue(Mail.Kind.REMINDER, task.getId(), tenantId, task.getProcessDefinitionId(),
					this.people.workers(taskPeople));
			return;
		}
		Set<String> leads = this.people.leads(taskPeople);
		if (leads.isEmpty()) {
			log.warn("Task {} ('{}') is overdue, but its groups {} have no lead in municipality '{}' to tell",
					task.getId(), task.getName(), taskPeople.candidateGroups(), tenantId);
			return;
		}
		this.mailJobs.queue(Mail.Kind.ESCALATION, task.getId(), tenantId, task.getProcessDefinitionId(), leads);
	}

	@Override
	public Deadline newConfiguration(String canonicalString) {
		return Deadline.parse(canonicalString);
	}

	@Override
	public void onDelete(Deadline configuration, JobEntity jobEntity) {
		// nothing to clean up
	}

	private static Date minus(Date date, Duration duration) {
		return (duration == null || duration.isZero()) ? null : Date.from(date.toInstant().minus(duration));
	}

	private static Date plus(Date date, Duration duration) {
		return (duration == null || duration.isZero()) ? null : Date.from(date.toInstant().plus(duration));
	}

}
