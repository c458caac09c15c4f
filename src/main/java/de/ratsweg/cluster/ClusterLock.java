package de.ratsweg.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One lock for all nodes that share a database: whatever sets the database up (the
 * engine's schema, groups, authorizations and filters, the deployment of
 * {@code processes/}) runs on one node at a time, so that two nodes starting together
 * create nothing twice. On PostgreSQL it is a session-level advisory lock, held on a
 * connection of its own: a node that dies releases it with its connection. H2 (a file the
 * one process holds) needs only the lock within the JVM. Re-entrant within a thread.
 */
@Component
public class ClusterLock {

	/** The advisory lock's key: "Ratsweg" in ASCII. */
	static final long KEY = 0x52617473776567L;

	private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

	private final DataSource dataSource;

	private final ReentrantLock local = new ReentrantLock();

	private Boolean postgres;

	private Connection connection;

	ClusterLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs the work while holding the lock. */
	public <T> T callExclusively(String what, Supplier<T> work) {
		lock(what);
		try {
			return work.get();
		}
		finally {
			unlock();
		}
	}

	/**
	 * Waits (at most five minutes) until no other node holds the lock, then holds it
	 * until {@link #unlock()}.
	 * @param what what the lock is taken for, for the log
	 */
	public void lock(String what) {
		this.local.lock();
		if (this.local.getHoldCount() > 1) {
			return;
		}
		try {
			if (isPostgres()) {
				this.connection = acquireAdvisoryLock(what);
			}
		}
		catch (SQLException | RuntimeException ex) {
			this.local.unlock();
			throw new IllegalStateException("Could not take the cluster lock for " + what, ex);
		}
	}

	/** Releases one hold; the last one releases the lock for the other nodes. */
	public void unlock() {
		if (!this.local.isHeldByCurrentThread()) {
			return;
		}
		try {
			if (this.local.getHoldCount() == 1 && this.connection != null) {
				release(this.connection);
				this.connection = null;
			}
		}
		finally {
			this.local.unlock();
		}
	}

	/** Whether this thread holds the lock. */
	public boolean isHeldByCurrentThread() {
		return this.local.isHeldByCurrentThread();
	}

	private Connection acquireAdvisoryLock(String what) throws SQLException {
		Connection held = this.dataSource.getConnection();
		try (Statement statement = held.createStatement()) {
			held.setAutoCommit(true);
			if (!queryBoolean(statement, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
				log.info("Waiting for another Ratsweg node to finish setting up the database ({})", what);
				statement.execute("SET statement_timeout = '5min'");
				try {
					statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
				}
				finally {
					statement.execute("RESET statement_timeout");
				}
				log.info("Cluster lock taken ({})", what);
			}
			return held;
		}
		catch (SQLException | RuntimeException ex) {
			held.close();
			throw ex;
		}
	}

	private static void release(Connection held) {
		try (held; Statement statement = held.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
		}
		catch (SQLException ex) {
			// The connection is broken, and with it the lock is gone on the server.
			log.warn("Could not release the cluster lock explicitly: {}", ex.toString());
		}
	}

	private boolean isPostgres() throws SQLException {
		if (this.postgres == null) {
			try (Connection probe = this.dataSource.getConnection()) {
				this.postgres = "PostgreSQL".equals(probe.getMetaData().getDatabaseProductName());
			}
		}
		return this.postgres;
	}

	private static boolean queryBoolean(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getBoolean(1);
		}
	}

}
