package de.ratsweg.engine.notification;

import java.util.Collection;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts mails into the engine's job table, one job per mail, inside the transaction of
 * whatever caused them (a task created, a deadline reached). They are sent only after
 * that transaction has committed, by the job executor in a transaction of their own: a
 * rolled-back step sends nothing, and a mail server that is down never undoes a completed
 * task. A mail that fails is tried again ({@link MailRetries}); after the last try its
 * job is failed with an incident, and nothing is lost.
 */
class MailJobs {

	private static final Logger log = LoggerFactory.getLogger(MailJobs.class);

	private final boolean enabled;

	/**
	 * @param enabled whether an SMTP host is configured; without one, nothing is queued
	 */
	MailJobs(boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Queues one mail per recipient. Must run inside an engine command (a listener, a
	 * delegate, a job).
	 */
	void queue(Mail.Kind kind, String taskId, String tenantId, String processDefinitionId,
			Collection<String> recipients) {
		if (!this.enabled) {
			log.debug("No SMTP host configured: no {} mail for task {}", kind, taskId);
			return;
		}
		for (String recipient : recipients) {
			Mail mail = new Mail(kind, taskId, recipient);
			MessageEntity job = new MessageEntity();
			job.setJobHandlerType(MailJobHandler.TYPE);
			job.setJobHandlerConfiguration(mail);
			job.setTenantId(tenantId);
			// not bound to the process instance (the mail outlives the step), but to its
			// model: a mail that fails for good is an incident of that process in Cockpit
			job.setProcessDefinitionId(processDefinitionId);
			// Mails of one task are independent of each other and of the process.
			job.setExclusive(false);
			Context.getCommandContext().getJobManager().send(job);
		}
	}

}
