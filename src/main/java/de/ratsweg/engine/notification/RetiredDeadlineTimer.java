package de.ratsweg.engine.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A per-task deadline timer of an earlier Ratsweg version that fires before the start-up
 * removes it ({@link DeadlineReminders}): does nothing, the sweep ({@link DeadlineSweep})
 * covers its task.
 */
class RetiredDeadlineTimer implements JobHandler<RetiredDeadlineTimer.Unused> {

	record Unused(String raw) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return this.raw;
		}

	}

	@Override
	public String getType() {
		return DeadlineReminders.PER_TASK_TIMERS;
	}

	@Override
	public void execute(Unused configuration, ExecutionEntity execution, CommandContext commandContext,
			String tenantId) {
		// the sweep over due dates covers the task
	}

	@Override
	public Unused newConfiguration(String canonicalString) {
		return new Unused(canonicalString);
	}

	@Override
	public void onDelete(Unused configuration, JobEntity jobEntity) {
		// nothing to clean up
	}

}
