package de.ratsweg.record;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import de.ratsweg.forms.FormValues;

/**
 * The German words of the decision record for the values the processes keep: what a
 * department stated, what the board, a committee or the funding body decided.
 */
final class Outcomes {

	static final Map<String, String> STATEMENTS = Map.of("agreed", "zugestimmt", "agreedWithRemarks",
			"zugestimmt mit Anmerkungen", "objection", "Einwand", "none", "keine Stellungnahme bis zur Frist");

	static final Map<String, String> FOLLOW_UP = Map.of("wait", "nachgefasst, es wird weiter gewartet", "close",
			"ohne die fehlenden Stellungnahmen abgeschlossen");

	static final Map<String, String> BOARD_DECISIONS = Map.of("approved", "freigegeben", "revise",
			"zur Überarbeitung zurückgegeben", "rejected", "abgelehnt");

	static final Map<String, String> VOTES = Map.of("approved", "stimmt für Freigabe", "revise",
			"stimmt für Überarbeitung", "rejected", "stimmt für Ablehnung");

	static final Map<String, String> FUNDING_ROUTES = Map.of("ownBudget", "Haushaltsmittel", "fundingProgramme",
			"Förderprogramm", "both", "Haushaltsmittel und Förderprogramm", "unclear",
			"ungeklärt: Das Projekt kostet Geld!");

	static final Map<String, String> FINANCING = Map.of("budget", "Haushaltsmittel", "funding", "Förderprogramm",
			"both", "Haushaltsmittel und Förderprogramm", "open", "noch offen");

	static final Map<String, String> COMMITTEE_RESULTS = Map.of("passed", "beschlossen", "passedWithChanges",
			"geändert beschlossen", "rejected", "abgelehnt", "postponed", "vertagt", "deferred", "zurückgestellt");

	static final Map<String, String> COMMITTEE_ROLES = Map.of("preliminary", "Vorberatung", "deciding", "Entscheidung");

	static final Map<String, String> FUNDING_RESULTS = Map.of("granted", "bewilligt", "partiallyGranted",
			"teilweise bewilligt", "rejected", "abgelehnt");

	static final Map<String, String> PARTIAL_FUNDING = Map.of("continue", "mit der Teilbewilligung weiter", "stop",
			"Vorhaben beendet");

	static final Map<String, String> NEXT_FUNDING_STEP = Map.of("otherFinancing", "anderer Finanzierungsweg", "stop",
			"Vorhaben beendet");

	static final Map<String, String> PROJECT_OUTCOMES = Map.of("organised", "Projektorganisation steht",
			"rejectedByBoard", "vom Verwaltungsvorstand abgelehnt", "rejectedByCommittee", "im Gremium abgelehnt",
			"stoppedAfterFunding", "nach dem Förderantrag beendet");

	/** The outcome of a project that has not ended yet. */
	static final String RUNNING = "in Bearbeitung";

	/** The outcome of a project that was cancelled (e.g. in Cockpit). */
	static final String CANCELLED = "abgebrochen";

	private Outcomes() {
	}

	/** The German word for the value, the value itself when unknown, or null. */
	static String label(Map<String, String> labels, Object value) {
		if (value == null) {
			return null;
		}
		return labels.getOrDefault(String.valueOf(value), String.valueOf(value));
	}

	/** "180.000,00 EUR", or null when the value is no number. */
	static String euro(Object value) {
		BigDecimal amount = FormValues.number(value);
		return (amount != null) ? String.format(Locale.GERMANY, "%,.2f EUR", amount) : null;
	}

	static String yesNo(Object value) {
		return Boolean.TRUE.equals(value) || "true".equals(value) ? "ja" : "nein";
	}

}
