package de.ratsweg.cosigning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One department's statement in the co-signing, as the process keeps it in
 * {@value DepartmentCoSigning#STATEMENTS}. The variable stays a JSON list of plain maps
 * (the forms and the models read it so); this record is how the code reads and writes one
 * entry.
 *
 * @param department the department's group id ("kaemmerei")
 * @param statement what it answered: {@value DepartmentCoSigning#AGREED},
 * {@value DepartmentCoSigning#AGREED_WITH_REMARKS},
 * {@value DepartmentCoSigning#OBJECTION} or {@value DepartmentCoSigning#NO_STATEMENT}
 * @param text its remarks or reasons; may be null
 * @param user who gave it (or closed the co-signing without it); null before it is kept
 * @param time when, ISO 8601 with offset; null before it is kept
 */
public record Statement(String department, String statement, String text, String user, String time) {

	/** What a department answered, as the board's summary and the record say it. */
	static final Map<String, String> IN_GERMAN = Map.of(DepartmentCoSigning.AGREED, "zugestimmt",
			DepartmentCoSigning.AGREED_WITH_REMARKS, "zugestimmt mit Anmerkungen", DepartmentCoSigning.OBJECTION,
			"Einwand", DepartmentCoSigning.NO_STATEMENT, "keine Stellungnahme bis zur Frist");

	/** A statement as a task gives it; who and when are added when it is kept. */
	static Statement given(Object department, Object statement, Object text) {
		return new Statement(string(department), string(statement), string(text), null, null);
	}

	/** One entry of the kept list. */
	public static Statement from(Map<String, Object> entry) {
		return new Statement(string(entry.get("department")), string(entry.get("statement")), string(entry.get("text")),
				string(entry.get("user")), string(entry.get("time")));
	}

	/** The entry to keep; missing values are left out when it is appended. */
	Map<String, Object> toMap() {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("department", this.department);
		entry.put("statement", this.statement);
		entry.put("text", this.text);
		entry.put("user", this.user);
		entry.put("time", this.time);
		return entry;
	}

	boolean isObjection() {
		return DepartmentCoSigning.OBJECTION.equals(this.statement);
	}

	private static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
