package de.ratsweg.record;

import java.time.OffsetDateTime;

/**
 * One decision of a project as the record lists it.
 *
 * @param time when it was taken (or recorded), in the municipality's time zone
 * @param actorId the user who took or recorded it; null when Ratsweg or another system
 * did
 * @param actorName the user's full name, or who else acted ("Ratsinformationssystem")
 * @param role in which role: the work group ("Kämmerei") or the committee
 * @param municipality the name of the project's municipality ("Stadt Soest")
 * @param step what was decided ("Mitzeichnung", "Beschluss des Verwaltungsvorstands")
 * @param outcome the decision in German ("zugestimmt", "abgelehnt")
 * @param text the reasons, remarks or resolution text as written; may be null
 * @param link a web address that belongs to the decision (the agenda item in the council
 * information system); may be null
 */
public record Decision(OffsetDateTime time, String actorId, String actorName, String role, String municipality,
		String step, String outcome, String text, String link) {

}
