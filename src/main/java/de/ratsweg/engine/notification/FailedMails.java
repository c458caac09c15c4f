package de.ratsweg.engine.notification;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import de.ratsweg.monitoring.MunicipalityGauges;
import de.ratsweg.tenancy.Municipalities;
import de.ratsweg.tenancy.Municipality;

/**
 * {@code ratsweg_mails_failed} per municipality: mails given up after every retry (their
 * jobs wait in Cockpit with an incident, "Retry" sends them again).
 */
@Component
class FailedMails implements SmartInitializingSingleton {

	private final MeterRegistry registry;

	private final ProcessEngine engine;

	private final Municipalities municipalities;

	FailedMails(MeterRegistry registry, ProcessEngine engine, Municipalities municipalities) {
		this.registry = registry;
		this.engine = engine;
		this.municipalities = municipalities;
	}

	/** Registered once every bean is ready (see {@code MunicipalityGauges}). */
	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry registry = this.registry;
		for (Municipality municipality : this.municipalities.all()) {
			String tenant = municipality.id();
			MunicipalityGauges.perMunicipality(registry, "ratsweg.mails.failed", "Mails given up after every retry",
					tenant, this.engine,
					(engine) -> engine.getManagementService()
						.createJobQuery()
						.tenantIdIn(tenant)
						.noRetriesLeft()
						.list()
						.stream()
						.filter((job) -> job instanceof JobEntity entity
								&& MailJobHandler.TYPE.equals(entity.getJobHandlerType()))
						.count());
		}
	}

}
