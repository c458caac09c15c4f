package de.ratsweg.committee;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.ratsweg.DecisionTableCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soest's own Zuständigkeitsordnung ({@code processes/soest/}): the council decides above
 * 50,000 EUR. Every rule has a case.
 */
class SoestResponsibleCommitteesDecisionTest {

	private static final DecisionTableCoverage table = new DecisionTableCoverage("soest",
			"ResponsibleCommitteesDecision");

	@ParameterizedTest(name = "Soest: {0} EUR, {1}, digital {2} → {3}")
	@CsvSource(delimiter = ';', value = {
			"50000; digitalAdministration; false; digitalisierung:preliminary hfa:deciding",
			"50000.01; climate; true; digitalisierung:preliminary umwelt:preliminary hfa:preliminary rat:deciding",
			"80000; mobility; false; stadtentwicklung:preliminary hfa:preliminary rat:deciding",
			"20000; education; false; bildung:preliminary hfa:deciding" })
	void consultationSequence(double estimatedCost, String focusArea, boolean digitalSolution, String sequence) {
		List<String> result = table
			.evaluate(
					Map.of("estimatedCost", estimatedCost, "focusArea", focusArea, "digitalSolution", digitalSolution))
			.getResultList()
			.stream()
			.map((row) -> row.get("committeeId") + ":" + row.get("committeeRole"))
			.toList();
		assertThat(result).containsExactly(sequence.split(" "));
	}

	@AfterAll
	static void everyRuleHasACase() {
		table.assertEveryRuleMatched();
	}

}
