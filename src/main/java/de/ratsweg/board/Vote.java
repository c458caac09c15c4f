package de.ratsweg.board;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One member's vote in a circulation, as the process keeps it in
 * {@value BoardApproval#VOTES}. The variable stays a JSON list of plain maps; this record
 * is how the code reads and writes one entry.
 *
 * @param member the member the vote task belonged to
 * @param vote {@value BoardApproval#APPROVED}, {@value BoardApproval#REVISE} or
 * {@value BoardApproval#REJECTED}
 * @param comment the member's comment; may be null
 * @param user who completed the vote task; null before the vote is kept
 * @param time when, ISO 8601 with offset; null before the vote is kept
 */
public record Vote(String member, String vote, String comment, String user, String time) {

	/** A vote as its task gives it; who and when are added when it is kept. */
	static Vote cast(String member, Object vote, Object comment) {
		return new Vote(member, string(vote), string(comment), null, null);
	}

	/** One entry of the kept list. */
	public static Vote from(Map<String, Object> entry) {
		return new Vote(string(entry.get("member")), string(entry.get("vote")), string(entry.get("comment")),
				string(entry.get("user")), string(entry.get("time")));
	}

	/** The entry to keep; missing values are left out when it is appended. */
	Map<String, Object> toMap() {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("member", this.member);
		entry.put("vote", this.vote);
		entry.put("comment", this.comment);
		entry.put("user", this.user);
		entry.put("time", this.time);
		return entry;
	}

	/** Who voted: the user who completed the task, else the member it belonged to. */
	public String voter() {
		return (this.user != null) ? this.user : this.member;
	}

	private static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
