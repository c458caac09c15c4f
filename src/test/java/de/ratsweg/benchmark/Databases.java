package de.ratsweg.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import de.ratsweg.PostgresTestDatabase;

/**
 * The benchmark's own PostgreSQL databases (names start with {@code ratsweg_bench_}), on
 * the server of the test database (RATSWEG_DB_URL, default localhost:5432).
 */
final class Databases {

	static final String PREFIX = "ratsweg_bench_";

	static final String USER = System.getenv().getOrDefault("RATSWEG_DB_USER", "postgres");

	static final String PASSWORD = System.getenv().getOrDefault("RATSWEG_DB_PASSWORD", "");

	private Databases() {
	}

	/** A new, empty database (dropped first if it exists); its JDBC URL. */
	static String fresh(String name) {
		return PostgresTestDatabase.fresh(checked(name));
	}

	static void drop(String name) {
		execute(serverUrl() + "postgres", "DROP DATABASE IF EXISTS \"" + checked(name) + "\" WITH (FORCE)");
	}

	static String serverUrl() {
		String url = System.getenv().getOrDefault("RATSWEG_DB_URL", "jdbc:postgresql://localhost:5432/ratsweg_test");
		return url.substring(0, url.lastIndexOf('/') + 1);
	}

	static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** The first column of every row of the query's result. */
	static List<String> query(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(result.getString(1));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the statement; only {@code EXPLAIN} when it
	 * runs longer than the timeout.
	 */
	static String explain(String url, String sql, int timeoutSeconds) {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = '" + timeoutSeconds + "s'");
			try {
				return lines(statement, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql);
			}
			catch (SQLException ex) {
				return "(EXPLAIN ANALYZE cancelled after " + timeoutSeconds + " s; the plan without running it:)\n"
						+ lines(statement, "EXPLAIN " + sql);
			}
		}
		catch (SQLException ex) {
			return "(no plan: " + ex.getMessage() + ")";
		}
	}

	private static String lines(Statement statement, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return String.join("\n", rows);
	}

	private static String checked(String name) {
		if (!name.startsWith(PREFIX)) {
			throw new IllegalArgumentException("The benchmark only creates and drops databases named " + PREFIX + "*");
		}
		return name;
	}

}
