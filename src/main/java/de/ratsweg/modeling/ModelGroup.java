package de.ratsweg.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The models of the folder as the list page shows them: processes, decision tables
 * (shared, then each city's folder) and forms.
 *
 * @param title the heading
 * @param names the files, in the folder's order
 */
record ModelGroup(String title, List<String> names) {

	static String kindOf(String name) {
		if (name.endsWith(".bpmn")) {
			return "bpmn";
		}
		return name.endsWith(".dmn") ? "dmn" : "form";
	}

	/**
	 * @param names the files of the folder
	 * @param municipalityName the name of the municipality whose folder this is ("Stadt
	 * Soest"), or {@code null} for a folder that is not a municipality's
	 */
	static List<ModelGroup> of(List<String> names, Function<String, String> municipalityName) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("Prozesse", new ArrayList<>());
		groups.put("Entscheidungstabellen", new ArrayList<>());
		for (String name : names) {
			String title = switch (kindOf(name)) {
				case "bpmn" -> "Prozesse";
				case "dmn" -> {
					String municipality = (name.indexOf('/') < 0) ? null
							: municipalityName.apply(name.substring(0, name.indexOf('/')));
					yield (municipality != null) ? "Entscheidungstabellen: " + municipality : "Entscheidungstabellen";
				}
				default -> "Formulare";
			};
			groups.computeIfAbsent(title, (key) -> new ArrayList<>()).add(name);
		}
		List<ModelGroup> result = new ArrayList<>();
		groups.forEach((title, files) -> {
			if (!files.isEmpty()) {
				result.add(new ModelGroup(title, files));
			}
		});
		result.sort((a, b) -> Integer.compare(rank(a.title()), rank(b.title())));
		return result;
	}

	private static int rank(String title) {
		if (title.equals("Prozesse")) {
			return 0;
		}
		return title.startsWith("Entscheidungstabellen") ? 1 : 2;
	}

}
