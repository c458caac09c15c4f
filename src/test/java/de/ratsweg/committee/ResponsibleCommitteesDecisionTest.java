package de.ratsweg.committee;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.ratsweg.DecisionTableCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Zuständigkeitsordnung: Beratungsfolge": the committees in order, each with its role;
 * the shared table and Soest's own ({@code processes/soest/}, the council decides above
 * 50,000 EUR). Every rule of both has a case.
 */
class ResponsibleCommitteesDecisionTest {

	private static final DecisionTableCoverage table = new DecisionTableCoverage("ResponsibleCommitteesDecision");

	private static final DecisionTableCoverage soest = new DecisionTableCoverage("soest",
			"ResponsibleCommitteesDecision");

	@ParameterizedTest(name = "{0} EUR, {1}, digital {2} → {3}")
	@CsvSource(delimiter = ';',
			value = { "50000; digitalAdministration; false; digitalisierung:preliminary hfa:deciding",
					"50000; climate; true; digitalisierung:preliminary umwelt:preliminary hfa:deciding",
					"100000; mobility; false; stadtentwicklung:preliminary hfa:deciding",
					"100000.01; urbanDevelopment; false; stadtentwicklung:preliminary hfa:preliminary rat:deciding",
					"250000; education; false; bildung:preliminary hfa:preliminary rat:deciding",
					"250000; digitalAdministration; true; digitalisierung:preliminary hfa:preliminary rat:deciding" })
	void consultationSequence(double estimatedCost, String focusArea, boolean digitalSolution, String sequence) {
		assertThat(sequence(table, estimatedCost, focusArea, digitalSolution)).containsExactly(sequence.split(" "));
	}

	@ParameterizedTest(name = "Soest: {0} EUR, {1}, digital {2} → {3}")
	@CsvSource(delimiter = ';', value = {
			"50000; digitalAdministration; false; digitalisierung:preliminary hfa:deciding",
			"50000.01; climate; true; digitalisierung:preliminary umwelt:preliminary hfa:preliminary rat:deciding",
			"80000; mobility; false; stadtentwicklung:preliminary hfa:preliminary rat:deciding",
			"20000; education; false; bildung:preliminary hfa:deciding" })
	void consultationSequenceInSoest(double estimatedCost, String focusArea, boolean digitalSolution, String sequence) {
		assertThat(sequence(soest, estimatedCost, focusArea, digitalSolution)).containsExactly(sequence.split(" "));
	}

	private static List<String> sequence(DecisionTableCoverage decision, double estimatedCost, String focusArea,
			boolean digitalSolution) {
		return decision
			.evaluate(
					Map.of("estimatedCost", estimatedCost, "focusArea", focusArea, "digitalSolution", digitalSolution))
			.getResultList()
			.stream()
			.map((row) -> row.get("committeeId") + ":" + row.get("committeeRole"))
			.toList();
	}

	@AfterAll
	static void everyRuleHasACase() {
		table.assertEveryRuleMatched();
		soest.assertEveryRuleMatched();
	}

}
