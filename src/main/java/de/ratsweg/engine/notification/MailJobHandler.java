package de.ratsweg.engine.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one queued mail ({@link MailJobs}). A mail whose task is gone or whose recipient
 * has no address is dropped with a log line (there is nothing to tell or nobody to tell
 * it to); a mail server that does not answer fails the job, which the engine tries again.
 */
public class MailJobHandler implements JobHandler<Mail> {

	public static final String TYPE = "ratsweg-mail";

	private static final Logger log = LoggerFactory.getLogger(MailJobHandler.class);

	private final TaskMails mails;

	private final JavaMailSender sender;

	public MailJobHandler(TaskMails mails, JavaMailSender sender) {
		this.mails = mails;
		this.sender = sender;
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Mail mail, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		TaskMails.Message message = this.mails.compose(commandContext.getProcessEngineConfiguration(), mail);
		if (message == null) {
			return;
		}
		try {
			this.sender.send(message.toMimeMessage(this.sender));
			log.info("Sent {} mail about task {} to user '{}'", mail.kind(), mail.taskId(), mail.userId());
		}
		catch (MailException ex) {
			log.warn("Could not send {} mail about task {} to user '{}': {}", mail.kind(), mail.taskId(), mail.userId(),
					ex.getMessage());
			throw ex;
		}
	}

	@Override
	public Mail newConfiguration(String canonicalString) {
		return Mail.fromConfiguration(canonicalString);
	}

	@Override
	public void onDelete(Mail configuration, JobEntity jobEntity) {
		// nothing to clean up
	}

}
