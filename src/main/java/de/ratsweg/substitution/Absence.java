package de.ratsweg.substitution;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One absence: from the first to the last day (both included, in the municipality's time
 * zone) the substitute stands in for the user.
 *
 * @param id the absence's id
 * @param userId who is away
 * @param substituteId who stands in
 * @param tenantId the municipality both belong to
 * @param firstDay the first day away
 * @param lastDay the last day away
 * @param note a remark (optional)
 * @param recordedBy who recorded it (the user or an administrator)
 * @param recordedAt when
 */
public record Absence(String id, String userId, String substituteId, String tenantId, LocalDate firstDay,
		LocalDate lastDay, String note, String recordedBy, Instant recordedAt) implements java.io.Serializable {

	boolean covers(LocalDate day) {
		return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay);
	}

	boolean overlaps(LocalDate first, LocalDate last) {
		return !first.isAfter(this.lastDay) && !last.isBefore(this.firstDay);
	}

}
