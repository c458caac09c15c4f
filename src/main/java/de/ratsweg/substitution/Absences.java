package de.ratsweg.substitution;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The absences in table {@code ratsweg_absence} (created by Flyway, see
 * {@code db/migration}).
 */
@Repository
class Absences {

	private static final String COLUMNS = "id, user_id, substitute_id, tenant_id, first_day, last_day, note, recorded_by, recorded_at";

	private final JdbcClient jdbc;

	Absences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Absence absence) {
		this.jdbc.sql("INSERT INTO ratsweg_absence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(absence.id(), absence.userId(), absence.substituteId(), absence.tenantId(), absence.firstDay(),
					absence.lastDay(), absence.note(), absence.recordedBy(), Timestamp.from(absence.recordedAt()))
			.update();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM ratsweg_absence WHERE id = ?").param(id).update();
	}

	Optional<Absence> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ratsweg_absence WHERE id = ?")
			.param(id)
			.query(Absences::map)
			.optional();
	}

	/** The user's absences that end on or after the day, earliest first. */
	List<Absence> ofUser(String userId, LocalDate endingFrom) {
		return endingFrom("user_id", userId, endingFrom);
	}

	/** Absences in which the user stands in for someone, ending on or after the day. */
	List<Absence> ofSubstitute(String substituteId, LocalDate endingFrom) {
		return endingFrom("substitute_id", substituteId, endingFrom);
	}

	// userColumn is user_id or substitute_id, never user input
	private List<Absence> endingFrom(String userColumn, String userId, LocalDate endingFrom) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM ratsweg_absence WHERE " + userColumn
					+ " = ? AND last_day >= ? ORDER BY first_day, id")
			.params(userId, endingFrom)
			.query(Absences::map)
			.list();
	}

	/** All absences ending on or after the day (for administrators). */
	List<Absence> all(LocalDate endingFrom) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM ratsweg_absence WHERE last_day >= ? ORDER BY first_day, user_id, id")
			.param(endingFrom)
			.query(Absences::map)
			.list();
	}

	private static Absence map(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new Absence(row.getString("id"), row.getString("user_id"), row.getString("substitute_id"),
				row.getString("tenant_id"), row.getDate("first_day").toLocalDate(),
				row.getDate("last_day").toLocalDate(), row.getString("note"), row.getString("recorded_by"),
				row.getTimestamp("recorded_at").toInstant());
	}

}
