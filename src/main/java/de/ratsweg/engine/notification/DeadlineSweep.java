package de.ratsweg.engine.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ratsweg.notification.DeadlineRules;
import de.ratsweg.notification.TaskPeople;

/**
 * The reminders before and the escalations after the due dates of tasks
 * ({@link DeadlineRules}), found by one periodic sweep over the due dates instead of two
 * timers per task. Each run looks at the time since the previous one: a task whose
 * reminder time (due date minus the rule's lead time) falls into it is reminded to
 * everyone who may work on it, one whose escalation time (due date plus the rule's grace)
 * falls into it is escalated to the leads of its groups. A changed due date needs nothing
 * more (the sweep reads the current one), nor does a task that ends.
 *
 * <p>
 * The sweep is one engine job that schedules its successor in its own transaction, so
 * that exactly one node of a cluster runs each sweep and a failed one is retried with the
 * time it covers; the job's configuration is the moment the previous sweep covered up to.
 * {@link DeadlineReminders} creates the first at start-up.
 */
public class DeadlineSweep implements JobHandler<DeadlineSweep.CoveredUntil> {

	public static final String TYPE = "ratsweg-deadline-sweep";

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	private static final int PAGE = 500;

	private final MailJobs mailJobs;

	private final TaskPeopleLookup people;

	private final DeadlineRules rules;

	DeadlineSweep(MailJobs mailJobs, TaskPeopleLookup people, DeadlineRules rules) {
		this.mailJobs = mailJobs;
		this.people = people;
		this.rules = rules;
	}

	/**
	 * @param time up to when the previous sweep looked
	 */
	record CoveredUntil(Instant time) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return this.time.toString();
		}

	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public CoveredUntil newConfiguration(String canonicalString) {
		return new CoveredUntil(Instant.parse(canonicalString));
	}

	/**
	 * The first sweep, due at once, covering from now; inside a command.
	 */
	void scheduleFirst() {
		schedule(ClockUtil.getCurrentTime().toInstant(), ClockUtil.getCurrentTime());
	}

	@Override
	public void execute(CoveredUntil previous, ExecutionEntity execution, CommandContext commandContext,
			String tenantId) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (!this.mailJobs.enabled()) {
			// no SMTP host: every mail would be dropped, so nobody needs to be looked up
			schedule(now, Date.from(now.plus(this.rules.sweepInterval())));
			return;
		}
		// a clock set back (or a test's clock) starts the window anew instead of
		// repeating it
		Instant from = previous.time().isAfter(now) ? now : previous.time();
		int reminders = 0;
		int escalations = 0;
		for (Scope scope : scopes()) {
			if (scope.rule().reminderBefore() != null && !scope.rule().reminderBefore().isZero()) {
				for (Task task : due(scope, from.plus(scope.rule().reminderBefore()),
						now.plus(scope.rule().reminderBefore()))) {
					remind(task);
					reminders++;
				}
			}
			if (scope.rule().escalationAfter() != null && !scope.rule().escalationAfter().isZero()) {
				for (Task task : due(scope, from.minus(scope.rule().escalationAfter()),
						now.minus(scope.rule().escalationAfter()))) {
					escalations += escalate(task) ? 1 : 0;
				}
			}
		}
		if (reminders + escalations > 0) {
			log.info("Deadline sweep from {} to {}: {} reminders, {} escalations", from, now, reminders, escalations);
		}
		schedule(now, Date.from(now.plus(this.rules.sweepInterval())));
	}

	/**
	 * The tasks of the scope whose due date lies after {@code after} and at or before
	 * {@code until}.
	 */
	private List<Task> due(Scope scope, Instant after, Instant until) {
		List<Task> found = new ArrayList<>();
		for (int first = 0;; first += PAGE) {
			TaskQuery query = Context.getProcessEngineConfiguration()
				.getTaskService()
				.createTaskQuery()
				.dueAfter(Date.from(after))
				.dueBefore(Date.from(until.plusMillis(1)));
			if (scope.processKey() != null) {
				query.processDefinitionKey(scope.processKey());
			}
			List<Task> page = query.orderByTaskId().asc().listPage(first, PAGE);
			page.stream().filter((task) -> scope.covers(processKey(task))).forEach(found::add);
			if (page.size() < PAGE) {
				return found;
			}
		}
	}

	private void remind(Task task) {
		this.mailJobs.queue(Mail.Kind.REMINDER, task.getId(), task.getTenantId(), task.getProcessDefinitionId(),
				this.people.workers(this.people.of(task)));
	}

	private boolean escalate(Task task) {
		TaskPeople taskPeople = this.people.of(task);
		Set<String> leads = this.people.leads(taskPeople);
		if (leads.isEmpty()) {
			log.warn("Task {} ('{}') is overdue, but its groups {} have no lead in municipality '{}' to tell",
					task.getId(), task.getName(), taskPeople.candidateGroups(), task.getTenantId());
			return false;
		}
		this.mailJobs.queue(Mail.Kind.ESCALATION, task.getId(), task.getTenantId(), task.getProcessDefinitionId(),
				leads);
		return true;
	}

	private void schedule(Instant coveredUntil, Date due) {
		TimerEntity timer = new TimerEntity();
		timer.setJobHandlerType(TYPE);
		timer.setJobHandlerConfiguration(new CoveredUntil(coveredUntil));
		timer.setDuedate(due);
		timer.setExclusive(false);
		Context.getCommandContext().getJobManager().schedule(timer);
	}

	/**
	 * The general rule for every process without its own, and each process with its own
	 * rule.
	 */
	private List<Scope> scopes() {
		Map<String, DeadlineRules.Rule> own = (this.rules.processes() != null) ? this.rules.processes() : Map.of();
		List<Scope> scopes = new ArrayList<>();
		scopes.add(new Scope(null, own.keySet(), this.rules.of(null)));
		own.keySet().forEach((key) -> scopes.add(new Scope(key, Set.of(), this.rules.of(key))));
		return scopes;
	}

	/**
	 * @param processKey the process whose tasks this is, or null for all others
	 * @param others processes with their own rule, not covered by the general one
	 * @param rule the rule
	 */
	private record Scope(String processKey, Set<String> others, DeadlineRules.Rule rule) {

		boolean covers(String key) {
			return this.processKey != null || !this.others.contains(key);
		}

	}

	private static String processKey(Task task) {
		if (task.getProcessDefinitionId() == null) {
			return null;
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		return definition.getKey();
	}

	@Override
	public void onDelete(CoveredUntil configuration, JobEntity jobEntity) {
		// nothing to clean up
	}

}
