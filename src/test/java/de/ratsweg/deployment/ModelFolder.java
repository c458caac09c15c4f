package de.ratsweg.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the fixture models in a folder of the test's own, to change and break.
 */
final class ModelFolder {

	static final Path FIXTURES = Path.of("src/test/resources/processes");

	static final String PROCESS_FILE = "ReviewRequestProcess.bpmn";

	static final String PROCESS_KEY = "ReviewRequestProcess";

	static final String FORM_FILE = "ReviewRequestForm.form";

	static final String DECISION_FILE = "routing/RequestRoutingDecision.dmn";

	private final Path root;

	private ModelFolder(Path root) {
		this.root = root;
	}

	static ModelFolder copyOfFixtures(Path target) {
		try (Stream<Path> paths = Files.walk(FIXTURES)) {
			for (Path source : paths.toList()) {
				Path copy = target.resolve(FIXTURES.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(source, copy);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ModelFolder(target);
	}

	Path root() {
		return this.root;
	}

	String read(String name) {
		try {
			return Files.readString(this.root.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void write(String name, String content) {
		try {
			Path file = this.root.resolve(name);
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			// Move into place like an editor does, so a watcher never sees half a file.
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void replace(String name, String text, String replacement) {
		String content = read(name);
		if (!content.contains(text)) {
			throw new IllegalArgumentException(name + " does not contain " + text);
		}
		write(name, content.replace(text, replacement));
	}

	/** A harmless change: the process gets another name, so its file differs. */
	void renameProcess(String newName) {
		String content = read(PROCESS_FILE);
		write(PROCESS_FILE, content.replaceFirst("name=\"Anfrage prüfen \\(Testmodell\\)[^\"]*\"",
				"name=\"Anfrage prüfen (Testmodell) " + newName + "\""));
	}

}
