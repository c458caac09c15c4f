package de.ratsweg.record;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The decision record (Aktenvermerk) of one project: every decision from the submitted
 * idea to the outcome, oldest first. Read from the engine's history; nothing in it can be
 * changed.
 *
 * @param businessKey the project's key ("SOEST-2026-0001")
 * @param title the project's title
 * @param municipality the name of its municipality ("Stadt Soest")
 * @param started when the idea was submitted
 * @param ended when the project ended; null while it runs
 * @param outcome how it ended, in German, or "in Bearbeitung"
 * @param decisions every decision, oldest first
 */
public record DecisionRecord(String businessKey, String title, String municipality, OffsetDateTime started,
		OffsetDateTime ended, String outcome, List<Decision> decisions) {

}
