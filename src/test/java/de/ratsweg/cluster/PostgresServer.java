package de.ratsweg.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's PostgreSQL server, stopped and started as an operator does it
 * ({@code pg_ctlcluster}, as root). Only the fault tests use it; they start it again
 * whatever happens.
 */
final class PostgresServer {

	private PostgresServer() {
	}

	static void stop() {
		pgCtlCluster("stop", "-m", "fast");
	}

	static void start() {
		pgCtlCluster("start");
	}

	/** Starts the server unless it runs. */
	static void ensureRunning() {
		if (run(List.of("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q")) != 0) {
			start();
		}
	}

	private static void pgCtlCluster(String... action) {
		List<String> command = new ArrayList<>(
				List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main"));
		command.addAll(List.of(action));
		int exit = run(command);
		if (exit != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
		}
	}

	private static String version() {
		String[] versions = new File("/etc/postgresql").list();
		if (versions == null || versions.length != 1) {
			throw new IllegalStateException("Expected one PostgreSQL version below /etc/postgresql");
		}
		return versions[0];
	}

	private static int run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish: " + output);
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
