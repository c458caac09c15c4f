package de.ratsweg.notification;

import java.io.InputStream;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The application's mail sender, looked up on first use: the engine (and with it the job
 * handlers) is built before the mail sender exists.
 */
public class LazySender implements JavaMailSender {

	private final ObjectProvider<JavaMailSender> sender;

	public LazySender(ObjectProvider<JavaMailSender> sender) {
		this.sender = sender;
	}

	private JavaMailSender sender() {
		return this.sender.getObject();
	}

	@Override
	public MimeMessage createMimeMessage() {
		return sender().createMimeMessage();
	}

	@Override
	public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
		return sender().createMimeMessage(contentStream);
	}

	@Override
	public void send(MimeMessage... mimeMessages) throws MailException {
		sender().send(mimeMessages);
	}

	@Override
	public void send(SimpleMailMessage... simpleMessages) throws MailException {
		sender().send(simpleMessages);
	}

}
