package de.ratsweg.substitution;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.ObjectProvider;

import de.ratsweg.project.Dates;

/**
 * The start and the end of an absence as engine timers: at 00:00 of the first day the
 * user's tasks are offered to the substitute, at 00:00 after the last day the offer is
 * withdrawn. Engine jobs, so that one node of a cluster does it, in the transaction of
 * the job, with retries.
 */
class AbsenceTimers implements JobHandler<AbsenceTimers.Edge> {

	static final String TYPE = "ratsweg-absence";

	private final ObjectProvider<AbsenceService> absences;

	AbsenceTimers(ObjectProvider<AbsenceService> absences) {
		this.absences = absences;
	}

	/**
	 * @param start true for the start, false for the end
	 * @param absenceId the absence
	 */
	record Edge(boolean start, String absenceId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return (this.start ? "START|" : "END|") + this.absenceId;
		}

		static Edge parse(String configuration) {
			String[] parts = configuration.split("\\|", -1);
			return new Edge("START".equals(parts[0]), parts[1]);
		}

	}

	static void schedule(ProcessEngineConfigurationImpl engine, Absence absence) {
		engine.getCommandExecutorTxRequired().execute((commandContext) -> {
			if (Dates.startOf(absence.firstDay()).after(ClockUtil.getCurrentTime())) {
				schedule(commandContext, new Edge(true, absence.id()), Dates.startOf(absence.firstDay()), absence);
			}
			schedule(commandContext, new Edge(false, absence.id()), Dates.endOf(absence.lastDay()), absence);
			return null;
		});
	}

	private static void schedule(CommandContext commandContext, Edge edge, java.util.Date when, Absence absence) {
		TimerEntity timer = new TimerEntity();
		timer.setJobHandlerType(TYPE);
		timer.setJobHandlerConfiguration(edge);
		timer.setDuedate(when);
		timer.setTenantId(absence.tenantId());
		timer.setExclusive(false);
		commandContext.getJobManager().schedule(timer);
	}

	static void cancel(ProcessEngineConfigurationImpl engine, Absence absence) {
		engine.getCommandExecutorTxRequired().execute((commandContext) -> {
			for (boolean start : new boolean[] { true, false }) {
				commandContext.getJobManager()
					.findJobsByConfiguration(TYPE, new Edge(start, absence.id()).toCanonicalString(),
							absence.tenantId())
					.forEach(JobEntity::delete);
			}
			return null;
		});
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Edge edge, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		AbsenceService service = this.absences.getObject();
		Absence absence = service.find(edge.absenceId());
		if (absence == null) {
			// removed: its removal already withdrew what it had offered
			return;
		}
		// The same at the start and at the end: today's absences decide, so that
		// back-to-back absences come out right whichever timer runs first.
		service.reconcile(absence.userId(), absence.tenantId());
	}

	@Override
	public Edge newConfiguration(String canonicalString) {
		return Edge.parse(canonicalString);
	}

	@Override
	public void onDelete(Edge configuration, JobEntity jobEntity) {
		// nothing to clean up
	}

}
