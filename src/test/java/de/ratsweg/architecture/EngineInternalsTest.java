package de.ratsweg.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins which of the engine's internal classes Ratsweg's adapter
 * ({@code de.ratsweg.engine}) relies on: the list in
 * {@code src/test/resources/architecture/engine-internals.txt}. An engine upgrade or a
 * move to a fork that changes one of them shows up here, by name, and so does a new use
 * that nobody wrote down. The private fields the adapter reads by reflection are resolved
 * when the engine starts, so every Spring test fails should one of them change.
 */
class EngineInternalsTest {

	private static final Path PINNED = Path.of("src/test/resources/architecture/engine-internals.txt");

	@Test
	void theAdapterUsesExactlyTheEngineInternalsWrittenDown() throws IOException {
		JavaClasses ratsweg = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ArchitectureTest.RATSWEG);
		SortedSet<String> used = new TreeSet<>();
		for (JavaClass adapterClass : ratsweg) {
			if (!adapterClass.getPackageName()
				.startsWith(ArchitectureTest.RATSWEG + "." + Architecture.ENGINE_ADAPTER)) {
				continue;
			}
			for (Dependency dependency : adapterClass.getDirectDependenciesFromSelf()) {
				JavaClass target = dependency.getTargetClass().getBaseComponentType();
				if (target.getPackageName().startsWith("org.camunda.") && target.getPackageName().contains(".impl")) {
					used.add(target.getName());
				}
			}
		}
		List<String> pinned = Files.readAllLines(PINNED, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		Path actual = Path.of("target/architecture/engine-internals.txt");
		Files.createDirectories(actual.getParent());
		Files.write(actual, new ArrayList<>(used), StandardCharsets.UTF_8);
		assertThat(used).as("engine internals used by de.ratsweg.engine (the current list is in %s)", actual)
			.containsExactlyElementsOf(pinned);
	}

}
