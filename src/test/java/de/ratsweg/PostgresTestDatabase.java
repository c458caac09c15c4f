package de.ratsweg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the PostgreSQL pass: creates the test database when it is missing, so that the
 * test command needs nothing but a running server. Fails the run with a clear message
 * when the server cannot be reached.
 */
public class PostgresTestDatabase implements LauncherSessionListener {

	/**
	 * A new, empty database of that name beside the test database (dropped first if it
	 * exists), for a test context that must not share the test database.
	 * @return its JDBC URL
	 */
	public static String fresh(String database) {
		String url = System.getenv().getOrDefault("RATSWEG_DB_URL", "jdbc:postgresql://localhost:5432/ratsweg_test");
		String user = System.getenv().getOrDefault("RATSWEG_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("RATSWEG_DB_PASSWORD", "");
		String serverUrl = url.substring(0, url.lastIndexOf('/') + 1);
		try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
			statement.execute("CREATE DATABASE \"" + database + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the PostgreSQL database " + database, ex);
		}
		return serverUrl + database;
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!TestProfiles.onPostgres()) {
			return;
		}
		String url = System.getenv().getOrDefault("RATSWEG_DB_URL", "jdbc:postgresql://localhost:5432/ratsweg_test");
		String user = System.getenv().getOrDefault("RATSWEG_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("RATSWEG_DB_PASSWORD", "");
		int slash = url.lastIndexOf('/');
		String database = url.substring(slash + 1).replaceAll("\\?.*", "");
		String serverUrl = url.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = connection.createStatement()) {
			try (var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
				if (!result.next()) {
					statement.execute("CREATE DATABASE \"" + database + "\"");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL for the database tests is not reachable at " + serverUrl
					+ " as " + user + ". Start it (see README) or run with -DskipPostgresTests.", ex);
		}
	}

}
