package de.ratsweg.engine.notification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.notification.DeadlineRules;
import de.ratsweg.startup.StartupStep;

/**
 * Start-up step: the sweep over due dates ({@link DeadlineSweep}) exists once. The
 * per-task deadline timers of earlier Ratsweg versions are removed; the sweep covers
 * their tasks from now on.
 */
@Component
class DeadlineReminders implements StartupStep {

	/** The job type of the per-task timers before the sweep. */
	static final String PER_TASK_TIMERS = "ratsweg-deadline";

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private final ObjectProvider<ProcessEngine> engine;

	private final NotificationHooks hooks;

	private final DeadlineRules rules;

	DeadlineReminders(ObjectProvider<ProcessEngine> engine, NotificationHooks hooks, DeadlineRules rules) {
		this.engine = engine;
		this.hooks = hooks;
		this.rules = rules;
	}

	@Override
	public Stage stage() {
		return Stage.DEADLINES;
	}

	@Override
	public String description() {
		return "deadline reminders, due dates looked at every " + this.rules.sweepInterval().toMinutes() + " min";
	}

	@Override
	public void run() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine.getObject()
			.getProcessEngineConfiguration();
		configuration.getCommandExecutorTxRequired().execute((commandContext) -> {
			JobManager jobs = commandContext.getJobManager();
			int removed = 0;
			for (Job timer : jobs.findJobsByHandlerType(PER_TASK_TIMERS)) {
				((JobEntity) timer).delete();
				removed++;
			}
			if (removed > 0) {
				log.info("Removed {} per-task deadline timers of an earlier version; the sweep covers their tasks",
						removed);
			}
			if (jobs.findJobsByHandlerType(DeadlineSweep.TYPE).isEmpty()) {
				this.hooks.deadlineSweep().scheduleFirst();
			}
			return null;
		});
	}

}
