package de.ratsweg.committee;

import java.util.Map;

/**
 * One committee of the consultation sequence (Beratungsfolge), as the decision table
 * {@value CommitteeResolution#DECISION_KEY} names it and the process keeps it in
 * {@value CommitteeResolution#CONSULTATIONS} (a JSON list of the table's rows).
 *
 * @param id the committee's id
 * @param name its name ("Haupt- und Finanzausschuss")
 * @param role {@value CommitteeResolution#PRELIMINARY} or
 * {@value CommitteeResolution#DECIDING}
 */
record ResponsibleCommittee(String id, String name, String role) {

	/** One row of the kept list. */
	static ResponsibleCommittee from(Map<String, Object> row) {
		return new ResponsibleCommittee(Session.string(row.get(CommitteeResolution.COMMITTEE_ID)),
				Session.string(row.get(CommitteeResolution.COMMITTEE_NAME)),
				Session.string(row.get(CommitteeResolution.COMMITTEE_ROLE)));
	}

	boolean decides() {
		return CommitteeResolution.DECIDING.equals(this.role);
	}

}
