package de.ratsweg.deployment;

/**
 * What "Prüfen" found in a model, in German, at the element it is about.
 *
 * @param resource the file name relative to the processes folder
 * @param elementId the element the finding is about, or {@code null} for the whole file
 * @param line the line in the file, or {@code 0} when unknown
 * @param message what is wrong, for the administrator
 */
public record ModelFinding(String resource, String elementId, int line, String message) {

	/**
	 * A problem as the deployer reports it (in English, from the parser or the engine),
	 * in German words around the original reason.
	 */
	static ModelFinding of(ModelProblem problem) {
		return new ModelFinding(problem.resource(), problem.elementId(), problem.line(), german(problem.reason()));
	}

	private static String german(String reason) {
		String text = String.valueOf(reason);
		if (text.startsWith("malformed XML: ")) {
			return "Kein gültiges XML: " + text.substring("malformed XML: ".length());
		}
		if (text.startsWith("malformed JSON: ")) {
			return "Kein gültiges JSON: " + text.substring("malformed JSON: ".length());
		}
		if (text.contains("History Time To Live") || text.contains("historyTimeToLive")) {
			return "Es fehlt die Aufbewahrungsdauer der Historie (History Time To Live). Meldung der Engine: " + text;
		}
		if (text.startsWith("DOCTYPE declarations are not allowed")) {
			return "DOCTYPE-Deklarationen sind nicht erlaubt.";
		}
		if (text.startsWith("the form has no \"id\"")) {
			return "Das Formular hat keine „id“; Aufgaben finden Formulare über diese Kennung.";
		}
		if (text.startsWith("only decision tables (.dmn) may differ per municipality")) {
			return "Nur Entscheidungstabellen (.dmn) dürfen je Kommune abweichen; Prozesse und Formulare liegen "
					+ "oben im Ordner processes/.";
		}
		return "Die Engine lehnt das Modell ab: " + text;
	}

}
