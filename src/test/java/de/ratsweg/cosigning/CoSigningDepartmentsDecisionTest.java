package de.ratsweg.cosigning;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import de.ratsweg.DecisionTableCoverage;
import de.ratsweg.ProcessModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Pflicht-Mitzeichnungen": which departments must always co-sign, in the shared table
 * and in Menden's own ({@code processes/menden/}: the CDO co-signs every digital
 * solution). Every rule of both has a case.
 */
class CoSigningDepartmentsDecisionTest {

	private static final DecisionTableCoverage table = new DecisionTableCoverage("CoSigningDepartmentsDecision");

	private static final DecisionTableCoverage menden = new DecisionTableCoverage("menden",
			"CoSigningDepartmentsDecision");

	@ParameterizedTest(name = "{0} EUR, digital {1}, personal data {2}, {3} → {4}")
	@CsvSource(delimiter = ';',
			value = { "0; false; false; education; ''", "1; false; false; education; kaemmerei",
					"240000; true; true; climate; kaemmerei fb-it datenschutz fb-umwelt",
					"0; false; false; digitalAdministration; fb-it", "0; true; false; digitalAdministration; fb-it",
					"0; false; true; mobility; datenschutz fb-stadtentwicklung",
					"0; false; false; urbanDevelopment; fb-stadtentwicklung" })
	void requiredDepartments(double estimatedCost, boolean digitalSolution, boolean personalData, String focusArea,
			String departments) {
		assertThat(departments(table, estimatedCost, digitalSolution, personalData, focusArea))
			.containsExactlyElementsOf(expected(departments));
	}

	@ParameterizedTest(name = "Menden: {0} EUR, digital {1}, personal data {2}, {3} → {4}")
	@CsvSource(delimiter = ';',
			value = { "0; false; false; education; ''",
					"240000; true; true; climate; kaemmerei fb-it cdo datenschutz fb-umwelt",
					"0; false; false; digitalAdministration; fb-it",
					"0; false; true; mobility; datenschutz fb-stadtentwicklung",
					"0; false; false; urbanDevelopment; fb-stadtentwicklung" })
	void requiredDepartmentsInMenden(double estimatedCost, boolean digitalSolution, boolean personalData,
			String focusArea, String departments) {
		assertThat(departments(menden, estimatedCost, digitalSolution, personalData, focusArea))
			.containsExactlyElementsOf(expected(departments));
	}

	/**
	 * The annotation of a rule is what the departments and the project page read as the
	 * reason a department co-signs.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "CoSigningDepartmentsDecision.dmn", "menden/CoSigningDepartmentsDecision.dmn" })
	void everyRuleSaysInGermanWhyItsDepartmentCoSigns(String file) {
		DmnModelInstance model = Dmn.readModelFromFile(ProcessModels.FOLDER.resolve(file).toFile());

		assertThat(model.getModelElementsByType(Rule.class)).isNotEmpty().allSatisfy((rule) -> {
			assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
			assertThat(rule.getDescription().getTextContent()).as("annotation of %s", rule.getId())
				.isNotBlank()
				.as("says why, in words, not which group")
				.doesNotContain("fb-", "kaemmerei", "datenschutz", "cdo");
		});
	}

	private static List<Object> departments(DecisionTableCoverage decision, double estimatedCost,
			boolean digitalSolution, boolean personalData, String focusArea) {
		return decision
			.evaluate(Map.of("estimatedCost", estimatedCost, "digitalSolution", digitalSolution, "personalData",
					personalData, "focusArea", focusArea))
			.collectEntries("department");
	}

	private static List<Object> expected(String departments) {
		return departments.isBlank() ? List.of() : List.<Object>of((Object[]) departments.split(" "));
	}

	@AfterAll
	static void everyRuleHasACase() {
		table.assertEveryRuleMatched();
		menden.assertEveryRuleMatched();
	}

}
