package de.ratsweg;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) in the test JVM, started before any test: the Spring
 * tests send their notifications to it ({@code spring.mail.host} and {@code port} are set
 * as system properties, which win over the profiles' files). Tests read what arrived, and
 * stop and start it to play a mail server that is down.
 */
public class TestMailServer implements LauncherSessionListener {

	private static GreenMail server;

	private static int port;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		port = freePort();
		start();
		System.setProperty("spring.mail.host", "127.0.0.1");
		System.setProperty("spring.mail.port", String.valueOf(port));
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		stop();
	}

	/** Starts the server (again) on its port. */
	public static synchronized void start() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
	}

	/** Stops the server: connections to its port are refused until {@link #start()}. */
	public static synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	/** Every mail received since the last {@link #clear()}. */
	public static synchronized List<MimeMessage> received() {
		return (server != null) ? Arrays.asList(server.getReceivedMessages()) : List.of();
	}

	public static synchronized void clear() {
		if (server != null) {
			try {
				server.purgeEmailFromAllMailboxes();
			}
			catch (com.icegreen.greenmail.store.FolderException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("No free port for the test mail server", ex);
		}
	}

}
