package de.ratsweg.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The processes folder could not be deployed. Nothing of the folder was deployed; the
 * message names every file, element and reason.
 */
public class ProcessesDeploymentException extends RuntimeException {

	private final transient List<ModelProblem> problems;

	ProcessesDeploymentException(Path folder, List<ModelProblem> problems) {
		super(describe(folder, problems));
		this.problems = List.copyOf(problems);
	}

	ProcessesDeploymentException(Path folder, String reason) {
		this(folder, List.of(new ModelProblem(null, null, 0, reason)));
	}

	List<ModelProblem> getProblems() {
		return this.problems;
	}

	private static String describe(Path folder, List<ModelProblem> problems) {
		return "Processes folder " + folder.toAbsolutePath().normalize()
				+ " was not deployed; nothing of it was deployed. " + problems.size()
				+ (problems.size() == 1 ? " problem:" : " problems:")
				+ problems.stream().map((problem) -> "\n  - " + problem).collect(Collectors.joining());
	}

}
