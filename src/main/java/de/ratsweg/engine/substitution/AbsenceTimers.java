package de.ratsweg.engine.substitution;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;
import de.ratsweg.substitution.Absence;
import de.ratsweg.substitution.AbsenceSchedule;
import de.ratsweg.substitution.AbsenceService;

/**
 * The start and the end of an absence as engine timers: at 00:00 of the first day the
 * user's tasks are offered to the substitute, at 00:00 after the last day the offer is
 * withdrawn. Engine jobs, so that one node of a cluster does it, in the transaction of
 * the job, with retries.
 */
@Component
public class AbsenceTimers implements JobHandler<AbsenceTimers.Edge>, AbsenceSchedule {

	static final String TYPE = "ratsweg-absence";

	private final ObjectProvider<AbsenceService> absences;

	private final ObjectProvider<ProcessEngine> engine;

	/**
	 * @param absences looked up when a timer fires (the service needs the engine)
	 * @param engine looked up when an absence is planned (the engine needs this handler)
	 */
	AbsenceTimers(ObjectProvider<AbsenceService> absences, ObjectProvider<ProcessEngine> engine) {
		this.absences = absences;
		this.engine = engine;
	}

	private ProcessEngineConfigurationImpl engine() {
		return (ProcessEngineConfigurationImpl) this.engine.getObject().getProcessEngineConfiguration();
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

	@Override
	public void plan(Absence absence) {
		engine().getCommandExecutorTxRequired().execute((commandContext) -> {
			if (Dates.startOf(absence.firstDay()).after(EngineClock.now())) {
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

	@Override
	public void cancel(Absence absence) {
		engine().getCommandExecutorTxRequired().execute((commandContext) -> {
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
		AbsenceSchedule.reached(this.absences.getObject(), edge.absenceId());
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
