package de.ratsweg.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages without cycles, read from the sources' imports: the compiler copies constants
 * (a variable name such as {@code SmartCityProject.TITLE}) into the class that uses them,
 * so the class files, which {@link ArchitectureTest} reads, do not show such a
 * dependency.
 */
class SourceImportsTest {

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w.]*?)\\.[A-Z]",
			Pattern.MULTILINE);

	@Test
	void theImportsOfRatswegsPackagesHaveNoCycles() throws IOException {
		assertThat(cycles(Path.of("src/main/java"), ArchitectureTest.RATSWEG)).isEmpty();
	}

	@Test
	void aCycleOfImportsIsFound() throws IOException {
		assertThat(cycles(Path.of("src/test/java"), "de.ratsweg.architecture.broken"))
			.contains(List.of("de.ratsweg.architecture.broken.a", "de.ratsweg.architecture.broken.b",
					"de.ratsweg.architecture.broken.a"));
	}

	/** Each cycle as the packages along it, from its first package back to it. */
	static List<List<String>> cycles(Path sources, String root) throws IOException {
		Map<String, Set<String>> imports = new TreeMap<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher declared = PACKAGE.matcher(source);
				if (!declared.find() || !declared.group(1).startsWith(root + ".")) {
					continue;
				}
				String from = declared.group(1);
				Matcher imported = IMPORT.matcher(source);
				while (imported.find()) {
					String to = imported.group(1);
					if (to.startsWith(root + ".") && !to.equals(from)) {
						imports.computeIfAbsent(from, (key) -> new TreeSet<>()).add(to);
					}
				}
			}
		}
		List<List<String>> cycles = new ArrayList<>();
		for (String start : imports.keySet()) {
			Deque<List<String>> paths = new ArrayDeque<>();
			paths.push(List.of(start));
			Set<String> seen = new TreeSet<>();
			while (!paths.isEmpty()) {
				List<String> path = paths.pop();
				for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
					List<String> longer = new ArrayList<>(path);
					longer.add(next);
					if (next.equals(start)) {
						cycles.add(longer);
					}
					else if (next.compareTo(start) > 0 && seen.add(next)) {
						paths.push(longer);
					}
				}
			}
		}
		return cycles;
	}

}
