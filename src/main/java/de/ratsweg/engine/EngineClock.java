package de.ratsweg.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: the time the engine stamps on tasks, jobs and history. Ratsweg
 * reads the time from it everywhere (not from the system clock), so that what Ratsweg
 * computes agrees with the engine, also when tests or the demo data move the clock.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

	public static Instant instant() {
		return now().toInstant();
	}

	/**
	 * Moves the engine's clock, for all of the JVM, until {@link #reset()}: only for demo
	 * data, never while jobs run.
	 */
	public static void set(Date time) {
		ClockUtil.setCurrentTime(time);
	}

	public static void reset() {
		ClockUtil.reset();
	}

	/** Whether the engine's job executor runs (then the clock must not move). */
	public static boolean jobsRun(ProcessEngine engine) {
		JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		return jobs != null && jobs.isActive();
	}

}
