package de.ratsweg.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	static List<ModelGroup> of(List<String> names) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("Prozesse", new ArrayList<>());
		groups.put("Entscheidungstabellen", new ArrayList<>());
		for (String name : names) {
			String title = switch (kindOf(name)) {
				case "bpmn" -> "Prozesse";
				case "dmn" -> (name.indexOf('/') < 0) ? "Entscheidungstabellen"
						: "Entscheidungstabellen der Kommune " + name.substring(0, name.indexOf('/'));
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
