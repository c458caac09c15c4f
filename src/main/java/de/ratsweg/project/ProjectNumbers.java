package de.ratsweg.project;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The number of a project, its business key: the municipality, the year and a counter
 * that starts again at 1 every year ({@code SOEST-2026-0007}). Every project gets one at
 * its start, wherever it is started (Tasklist, REST); it is how the committee office, the
 * overview and the decision record name a project.
 *
 * <p>
 * The counter moves in the transaction of the start: a start that fails uses no number,
 * and two starts at once (on one node or two) wait for each other on the counter's row.
 * Each year has a counter of its own, so a start dated in another year (a clock set back)
 * never makes the current year's counter start again.
 */
@Component
public class ProjectNumbers {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ProjectNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The next number of the municipality (tenant id) in the year of the day given.
	 */
	public String next(String tenantId, LocalDate day) {
		String prefix = (tenantId != null) ? tenantId.toUpperCase(Locale.ROOT) : "VORHABEN";
		int year = day.getYear();
		if (count(prefix, year) == 0) {
			createCounter(prefix, year);
			count(prefix, year);
		}
		int number = this.jdbc
			.sql("SELECT last_number FROM ratsweg_project_number WHERE prefix = :prefix AND counter_year = :year")
			.param("prefix", prefix)
			.param("year", year)
			.query(Integer.class)
			.single();
		return String.format(Locale.ROOT, "%s-%d-%04d", prefix, year, number);
	}

	/** Moves the counter on; 0 when the year has no counter yet. */
	private int count(String prefix, int year) {
		return this.jdbc
			.sql("UPDATE ratsweg_project_number SET last_number = last_number + 1 "
					+ "WHERE prefix = :prefix AND counter_year = :year")
			.param("prefix", prefix)
			.param("year", year)
			.update();
	}

	/**
	 * The first counter of a year, created in a transaction of its own (once a year per
	 * municipality): a second node creating it at the same moment must not break the
	 * start that needs it.
	 */
	private void createCounter(String prefix, int year) {
		this.ownTransaction.executeWithoutResult((status) -> {
			try {
				this.jdbc.sql(
						"INSERT INTO ratsweg_project_number (prefix, counter_year, last_number) VALUES (:prefix, :year, 0)")
					.param("prefix", prefix)
					.param("year", year)
					.update();
			}
			catch (DuplicateKeyException ex) {
				status.setRollbackOnly();
			}
		});
	}

}
