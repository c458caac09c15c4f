package de.ratsweg.engine.notification;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import de.ratsweg.notification.DeadlineRules;
import de.ratsweg.notification.LazySender;
import de.ratsweg.notification.NotificationProperties;
import de.ratsweg.substitution.Substitutes;

/**
 * E-mail notifications and deadlines in the engine: the listener on every user task, the
 * job handlers that send mails and sweep over due dates, and their retry cycle
 * ({@code engine/plugin/RatswegEnginePlugin} installs them).
 */
@Component
@EnableConfigurationProperties({ NotificationProperties.class, DeadlineRules.class })
public class NotificationHooks {

	private static final Logger log = LoggerFactory.getLogger(NotificationHooks.class);

	private final MailJobs mailJobs;

	private final TaskPeopleLookup people;

	private final DeadlineSweep deadlines;

	private final TaskNotifications notifications;

	private final MailJobHandler mailJobHandler;

	private final NotificationProperties properties;

	/**
	 * @param mailHost the SMTP host ({@code RATSWEG_MAIL_HOST}); mails are off without
	 * one
	 * @param sender the mail sender, looked up when the first mail goes out
	 * @param substitutes the absences, looked up when needed (they need the engine)
	 */
	NotificationHooks(@Value("${spring.mail.host:}") String mailHost, NotificationProperties properties,
			DeadlineRules rules, ObjectProvider<JavaMailSender> sender, ObjectProvider<Substitutes> substitutes) {
		this.properties = properties;
		try {
			new org.camunda.bpm.engine.impl.calendar.DurationHelper(properties.retryCycle());
		}
		catch (Exception ex) {
			throw new IllegalStateException("ratsweg.notifications.retry-cycle '" + properties.retryCycle()
					+ "' is not a retry cycle such as R5/PT10M", ex);
		}
		this.mailJobs = new MailJobs(!mailHost.isBlank());
		this.people = new TaskPeopleLookup(substitutes);
		this.deadlines = new DeadlineSweep(this.mailJobs, this.people, rules);
		this.notifications = new TaskNotifications(this.mailJobs, this.people);
		this.mailJobHandler = new MailJobHandler(new TaskMails(properties), new LazySender(sender));
		if (mailHost.isBlank()) {
			log.info("E-mail notifications are off: no SMTP host configured (RATSWEG_MAIL_HOST)");
		}
		else {
			log.info("E-mail notifications via {} (links to {})", mailHost, properties.baseUrl());
		}
	}

	MailJobs mailJobs() {
		return this.mailJobs;
	}

	TaskPeopleLookup people() {
		return this.people;
	}

	/** Listens to every user task: created, assigned, updated, completed, deleted. */
	public TaskListener taskListener() {
		return this.notifications;
	}

	DeadlineSweep deadlineSweep() {
		return this.deadlines;
	}

	/** The handlers of mail jobs and of the sweep over due dates. */
	@SuppressWarnings("rawtypes")
	public List<JobHandler> jobHandlers() {
		return List.of(this.mailJobHandler, this.deadlines, new RetiredDeadlineTimer());
	}

	/** Failed mail jobs are tried again on the configured cycle, other jobs as usual. */
	public FailedJobCommandFactory retries() {
		return new MailRetries(this.properties.retryCycle());
	}

}
