package de.ratsweg.engine.notification;

import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * What a job of {@link MailJobHandler} sends: one mail of a kind to one person. Stored as
 * the job's configuration ({@code KIND|taskId|userId}), so that a mail that could not be
 * sent is tried again with the same content.
 *
 * @param kind what the mail is about
 * @param taskId the task it is about, empty for the digest
 * @param userId the recipient
 */
public record Mail(Kind kind, String taskId, String userId) implements JobHandlerConfiguration {

	enum Kind {

		/** A task arrived for the recipient (or their group, or as substitute). */
		NEW_TASK,
		/** Someone assigned a task to the recipient. */
		ASSIGNED,
		/** The task is due soon. */
		REMINDER,
		/** The task is overdue; to the leads of its groups. */
		ESCALATION,
		/** The daily list of the recipient's overdue tasks. */
		OVERDUE_DIGEST

	}

	@Override
	public String toCanonicalString() {
		return this.kind.name() + "|" + (this.taskId != null ? this.taskId : "") + "|" + this.userId;
	}

	static Mail fromConfiguration(String configuration) {
		String[] parts = configuration.split("\\|", -1);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a mail job configuration: " + configuration);
		}
		return new Mail(Kind.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1], parts[2]);
	}

}
