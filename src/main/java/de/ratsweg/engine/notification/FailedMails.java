package de.ratsweg.engine.notification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import org.springframework.stereotype.Component;

import de.ratsweg.monitoring.MunicipalityCount;

/**
 * {@code ratsweg_mails_failed} per municipality: mails given up after every retry (their
 * jobs wait in Cockpit with an incident, "Retry" sends them again).
 */
@Component
class FailedMails implements MunicipalityCount {

	@Override
	public String name() {
		return "ratsweg.mails.failed";
	}

	@Override
	public String description() {
		return "Mails given up after every retry";
	}

	@Override
	public long count(ProcessEngine engine, String tenantId) {
		return engine.getManagementService()
			.createJobQuery()
			.tenantIdIn(tenantId)
			.noRetriesLeft()
			.list()
			.stream()
			.filter((job) -> job instanceof JobEntity entity && MailJobHandler.TYPE.equals(entity.getJobHandlerType()))
			.count();
	}

}
