package de.ratsweg.project;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.ratsweg.DecisionTableCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Finanzierungsweg": from cost and preferred financing to own budget, funding programme,
 * both, or back to the board. Every rule has a case.
 */
class FundingRouteDecisionTest {

	private static final DecisionTableCoverage table = new DecisionTableCoverage("FundingRouteDecision");

	@ParameterizedTest(name = "{0} EUR, {1} → {2}")
	@CsvSource({ "0, open, ownBudget", "0, funding, ownBudget", "12000, budget, ownBudget",
			"240000, funding, fundingProgramme", "240000, both, both", "5000, open, ownBudget",
			"4999.99, open, ownBudget", "5000.01, open, unclear", "20000, open, unclear" })
	void fundingRoute(double estimatedCost, String preferredFinancing, String route) {
		String result = table
			.evaluate(java.util.Map.of("estimatedCost", estimatedCost, "preferredFinancing", preferredFinancing))
			.getSingleEntry();
		assertThat(result).isEqualTo(route);
	}

	@AfterAll
	static void everyRuleHasACase() {
		table.assertEveryRuleMatched();
	}

}
