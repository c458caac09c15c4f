package de.ratsweg.committee;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committee session that dealt with the project, with its result, as the process
 * keeps it in {@value CommitteeResolution#RESULTS}: entered by the committee office, or
 * taken from the council information system. The variable stays a JSON list of plain
 * maps; this record is how the code reads and writes one entry.
 *
 * @param committeeId the committee's id from the decision table
 * @param committeeName its name ("Haupt- und Finanzausschuss")
 * @param committeeRole {@value CommitteeResolution#PRELIMINARY} or
 * {@value CommitteeResolution#DECIDING}
 * @param meetingDate the meeting's day, ISO 8601 ("2026-03-12"); may be null
 * @param paperReference the paper's reference (Drucksache); may be null
 * @param result {@value CommitteeResolution#PASSED},
 * {@value CommitteeResolution#PASSED_WITH_CHANGES},
 * {@value CommitteeResolution#REJECTED}, {@value CommitteeResolution#POSTPONED},
 * {@value CommitteeResolution#DEFERRED}, {@value CommitteeResolution#NOTED} or
 * {@value CommitteeResolution#REFERRED}
 * @param resolutionText the resolution as written; may be null
 * @param changes what the committee changed (only for a result with changes)
 * @param source {@value #COUNCIL_INFORMATION_SYSTEM} when taken from the council
 * information system, else null
 * @param oparlResult the result as the council information system wrote it
 * @param agendaItem the address of the agenda item in the council information system
 * @param meetingName the meeting's name in the council information system
 * @param user who entered the result; null when taken from the council information system
 * @param time when it was kept, ISO 8601 with offset
 */
public record Session(String committeeId, String committeeName, String committeeRole, String meetingDate,
		String paperReference, String result, String resolutionText, String changes, String source, String oparlResult,
		String agendaItem, String meetingName, String user, String time) {

	/** The source of a result taken from the council information system. */
	public static final String COUNCIL_INFORMATION_SYSTEM = "oparl";

	/** One entry of the kept list. */
	public static Session from(Map<String, Object> entry) {
		return new Session(string(entry.get("committeeId")), string(entry.get("committeeName")),
				string(entry.get("committeeRole")), string(entry.get("meetingDate")),
				string(entry.get("paperReference")), string(entry.get("result")), string(entry.get("resolutionText")),
				string(entry.get("changes")), string(entry.get("source")), string(entry.get("oparlResult")),
				string(entry.get("agendaItem")), string(entry.get("meetingName")), string(entry.get("user")),
				string(entry.get("time")));
	}

	/** The entry to keep; missing values are left out when it is appended. */
	Map<String, Object> toMap() {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("committeeId", this.committeeId);
		entry.put("committeeName", this.committeeName);
		entry.put("committeeRole", this.committeeRole);
		entry.put("meetingDate", this.meetingDate);
		entry.put("paperReference", this.paperReference);
		entry.put("result", this.result);
		entry.put("resolutionText", this.resolutionText);
		entry.put("changes", this.changes);
		entry.put("source", this.source);
		entry.put("oparlResult", this.oparlResult);
		entry.put("agendaItem", this.agendaItem);
		entry.put("meetingName", this.meetingName);
		entry.put("user", this.user);
		entry.put("time", this.time);
		return entry;
	}

	/** Whether the result was taken from the council information system. */
	public boolean fromCouncilInformationSystem() {
		return COUNCIL_INFORMATION_SYSTEM.equals(this.source);
	}

	/** The same session, as the council information system reported it. */
	Session reportedByCouncilSystem(String oparlResult, String agendaItem, String meetingName, String time) {
		return new Session(this.committeeId, this.committeeName, this.committeeRole, this.meetingDate,
				this.paperReference, this.result, this.resolutionText, this.changes, COUNCIL_INFORMATION_SYSTEM,
				oparlResult, agendaItem, meetingName, this.user, time);
	}

	/** The same session, for that agenda item of the council information system. */
	Session atAgendaItem(String agendaItem) {
		return new Session(this.committeeId, this.committeeName, this.committeeRole, this.meetingDate,
				this.paperReference, this.result, this.resolutionText, this.changes, this.source, this.oparlResult,
				agendaItem, this.meetingName, this.user, this.time);
	}

	static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
