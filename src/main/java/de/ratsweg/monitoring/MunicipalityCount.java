package de.ratsweg.monitoring;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * A figure another feature contributes to the gauges per municipality
 * ({@link MunicipalityGauges}): counted each time the gauge is read.
 */
public interface MunicipalityCount {

	/** The meter's name, e.g. {@code ratsweg.mails.failed}. */
	String name();

	/** What it counts, for the operator. */
	String description();

	/** The current figure of the municipality (tenant id). */
	long count(ProcessEngine engine, String tenantId);

}
