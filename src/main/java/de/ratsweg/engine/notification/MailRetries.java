package de.ratsweg.engine.notification;

import java.util.Set;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Failed mail and deadline jobs are tried again on Ratsweg's retry cycle (e.g. five tries
 * in all, ten minutes apart); the engine's default would try three times at once and give
 * up while a mail server restarts. All other jobs keep the engine's behaviour.
 */
class MailRetries implements FailedJobCommandFactory {

	private static final Set<String> OWN_TYPES = Set.of(MailJobHandler.TYPE, DeadlineSweep.TYPE);

	private final String retryCycle;

	MailRetries(String retryCycle) {
		this.retryCycle = retryCycle;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable exception) {
		return new RetryCommand(jobId, exception, this.retryCycle);
	}

	private static final class RetryCommand extends DefaultJobRetryCmd {

		private final String retryCycle;

		RetryCommand(String jobId, Throwable exception, String retryCycle) {
			super(jobId, exception);
			this.retryCycle = retryCycle;
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job == null || !OWN_TYPES.contains(job.getJobHandlerType())) {
				return super.execute(commandContext);
			}
			DurationHelper cycle;
			try {
				cycle = getDurationHelper(this.retryCycle);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Invalid ratsweg.notifications.retry-cycle: " + this.retryCycle, ex);
			}
			job.unlock();
			if (isFirstJobExecution(job)) {
				initializeRetries(job, cycle.getTimes());
			}
			logException(job);
			decrementRetries(job);
			// the next try, unless this was the last (then the job has an incident)
			job.setDuedate(cycle.getDateAfter());
			notifyAcquisition(commandContext);
			return null;
		}

	}

}
