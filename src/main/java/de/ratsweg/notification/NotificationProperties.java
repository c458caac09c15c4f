package de.ratsweg.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications ({@code ratsweg.notifications}). Mails are sent only when an SMTP
 * host is configured ({@code spring.mail.host}, from {@code RATSWEG_MAIL_HOST}).
 *
 * @param baseUrl the address users reach Ratsweg at, for the links in mails
 * @param from the sender of every mail
 * @param retryCycle how often and how far apart a mail that could not be sent is tried
 * again (Camunda's retry cycle, e.g. {@code R5/PT10M}: five tries in all, ten minutes
 * apart); after the last try the mail is a failed job with an incident in Cockpit, and an
 * administrator sends it again with "Retry"
 */
@ConfigurationProperties("ratsweg.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("Ratsweg <ratsweg@localhost>") String from, @DefaultValue("R5/PT10M") String retryCycle) {

	/** The task in Tasklist: opens it directly (after the login, if needed). */
	public String taskLink(String taskId) {
		return stripSlash(this.baseUrl) + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	public String tasklistLink() {
		return stripSlash(this.baseUrl) + "/camunda/app/tasklist/default/";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
