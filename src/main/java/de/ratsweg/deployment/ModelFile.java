package de.ratsweg.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A model file below the processes folder.
 *
 * @param name the resource name: the path relative to the folder, with forward slashes
 * @param content the bytes of the file
 */
record ModelFile(String name, byte[] content) {

	private static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");

	boolean isBpmn() {
		return this.name.endsWith(".bpmn");
	}

	boolean isDmn() {
		return this.name.endsWith(".dmn");
	}

	boolean isForm() {
		return this.name.endsWith(".form");
	}

	/**
	 * Reads every model below the folder, sorted by name. Hidden files and folders (such
	 * as {@code .git} or editor backups) are skipped.
	 */
	static List<ModelFile> readAll(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> isModel(folder, path))
				.map((path) -> read(folder, path))
				.sorted((a, b) -> a.name().compareTo(b.name()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read processes folder " + folder, ex);
		}
	}

	static boolean isModel(Path folder, Path path) {
		Path relative = folder.relativize(path);
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return false;
			}
		}
		String fileName = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return EXTENSIONS.stream().anyMatch(fileName::endsWith);
	}

	private static ModelFile read(Path folder, Path path) {
		try {
			return new ModelFile(resourceName(folder, path), Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	static String resourceName(Path folder, Path path) {
		return folder.relativize(path).toString().replace('\\', '/');
	}

}
