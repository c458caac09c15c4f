package de.ratsweg.deployment;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model file below the processes folder, read into memory.
 *
 * @param name the resource name: the path relative to the folder, with forward slashes
 * @param content the bytes of the file
 */
record ModelFile(String name, byte[] content) {

	/** What Camunda deploys; its deployers match these endings exactly (lower case). */
	private static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");

	private static final Logger log = LoggerFactory.getLogger(ModelFile.class);

	boolean isDmn() {
		return this.name.endsWith(".dmn");
	}

	boolean isForm() {
		return this.name.endsWith(".form");
	}

	/** Reads every model below the folder (see {@link #list(Path)}). */
	static List<ModelFile> readAll(Path folder) throws IOException {
		List<ModelFile> files = new ArrayList<>();
		for (Found found : list(folder)) {
			files.add(new ModelFile(found.name(), Files.readAllBytes(found.path())));
		}
		return files;
	}

	/**
	 * Every model below the folder, sorted by name. Symbolic links are followed (also
	 * when the folder itself is one); hidden files and folders (such as {@code .git} or
	 * editor backups) and entries that cannot be read (such as {@code lost+found}) are
	 * skipped.
	 */
	static List<Found> list(Path folder) throws IOException {
		Path root = folder.toRealPath();
		List<Found> models = new ArrayList<>();
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
						return (!dir.equals(root) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						String fileName = file.getFileName().toString();
						if (attributes.isRegularFile() && !isHidden(file)
								&& EXTENSIONS.stream().anyMatch(fileName::endsWith)) {
							models.add(new Found(root.relativize(file).toString().replace('\\', '/'), file));
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						if (!(ex instanceof FileSystemLoopException)) {
							log.debug("Skipping unreadable entry {} of the processes folder: {}", file, ex.toString());
						}
						return FileVisitResult.CONTINUE;
					}

				});
		models.sort(Comparator.comparing(Found::name));
		return models;
	}

	private static boolean isHidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	/**
	 * A model file found below the folder, not read yet.
	 *
	 * @param name the resource name
	 * @param path where the file is
	 */
	record Found(String name, Path path) {
	}

}
