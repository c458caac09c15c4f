package de.ratsweg;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Project ideas as the start form "Projektidee erfassen" submits them (lists as JSON, as
 * Tasklist sends them).
 */
public final class ProjectIdeas {

	public static final String TITLE = "Smarte Straßenbeleuchtung";

	private ProjectIdeas() {
	}

	/**
	 * Smart street lighting in Soest: digital, with personal data, 240,000 EUR, funding
	 * programme preferred, led by urban development with the environment department
	 * involved.
	 */
	public static VariableMap smartStreetLighting() {
		return Variables.createVariables()
			.putValue("projectTitle", TITLE)
			.putValue("needGap", "Die Straßenbeleuchtung brennt die ganze Nacht mit voller Leistung.")
			.putValue("needAudience", "Bürgerinnen und Bürger, Stadtwerke")
			.putValue("strategicPurpose", "Energie sparen und Daten für die Verkehrsplanung gewinnen.")
			.putValue("focusArea", "climate")
			.putValue("leadUnit", "fb-stadtentwicklung")
			.putValueTyped("involvedDepartments",
					SpinValues.jsonValue("[\"fb-umwelt\",\"fb-stadtentwicklung\"]").create())
			.putValue("digitalSolution", true)
			.putValue("personalData", true)
			.putValue("estimatedCost", 240000)
			.putValue("preferredFinancing", "funding")
			.putValue("workPackages", "Pilotstraße ausstatten: 12\nAusschreibung Sensorik: 8 Wochen")
			.putValue("externalConsulting", false);
	}

	/** The same idea with other values. */
	public static VariableMap smartStreetLighting(Map<String, Object> changes) {
		VariableMap idea = smartStreetLighting();
		idea.putAll(changes);
		return idea;
	}

	public static List<String> requiredFields() {
		return List.of("projectTitle", "needGap", "needAudience", "strategicPurpose", "focusArea", "leadUnit",
				"estimatedCost", "preferredFinancing");
	}

}
