package de.ratsweg.committee;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.ratsweg.DecisionTableCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Beratungsergebnis": from the result text of a council information system (as ALLRIS,
 * SessionNet or SD.NET write it, vote counts included) to the outcome of the
 * consultation. A rejection or a postponement never reads as passed; what the table does
 * not know goes to the committee office. Every rule has a case.
 */
class CommitteeResultDecisionTest {

	private static final DecisionTableCoverage table = new DecisionTableCoverage(ResultText.DECISION_KEY);

	static String outcomeOf(String text) {
		var result = table.evaluate(ResultText.of(text).inputs());
		return result.isEmpty() ? CommitteeResolution.UNCLEAR : (String) result.get(0).getEntry("outcome");
	}

	@ParameterizedTest(name = "„{0}“ → {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			'' | unclear
			(kein Text vorhanden) | unclear
			Ohne | unclear
			von der Verwaltung zurückgezogen | unclear
			teilweise abgelehnt | unclear
			Änderungsantrag der Fraktion abgelehnt, Vorlage beschlossen | unclear
			einstimmig abgelehnt | rejected
			nicht empfohlen | rejected
			bei Stimmengleichheit abgelehnt | rejected
			vertagt | postponed
			abgesetzt | postponed
			Von der Tagesordnung abgesetzt. | postponed
			zurückgestellt | deferred
			Wiedervorlage erbeten | deferred
			verwiesen in den Planungsausschuss | referred
			an Fachausschuss überwiesen | referred
			ungeändert beschlossen / überwiesen | passed
			Beschluss: einstimmig beschlossen, 0 Enthaltungen | passed
			Annahme. Ja: 17, Nein: 43 | unclear
			zur Kenntnis genommen + mehrheitliche Zustimmung | passed
			Kenntnisnahme | noted
			in 1. Lesung z.K. genommen (OB) | noted
			mit Stellungnahme einverstanden | noted
			erledigt | unclear
			vorberaten ohne Änderungen | passed
			Zugestimmt zu geändertem Beschlusstext | passedWithChanges
			vorberaten mit &Auml;nderungen | passedWithChanges
			teilweise zugestimmt | passedWithChanges
			Mehrheitlich beschlossen | passed
			Beschlossen\\u00a0mit\\u00a0Ma\\u00dfgabe | passedWithChanges
			einstimmig, 0 Enthaltungen | passed
			Einstimmig; 0 Enthaltung(en) | passed
			ohne Gegenstimme | passed
			12 Ja-Stimmen, 3 Nein-Stimmen, 1 Enthaltung | passed
			Ja: 9, Nein: 2, Anwesend: 11 | passed
			Ja: 5, Nein: 8 | rejected
			Ja 7 Nein 7 Enthaltung 1 | rejected
			Aushang im Foyer | unclear
			""")
	void resultText(String text, String outcome) {
		assertThat(outcomeOf(text)).isEqualTo(outcome);
	}

	@AfterAll
	static void everyRuleHasACase() {
		table.assertEveryRuleMatched();
	}

}
