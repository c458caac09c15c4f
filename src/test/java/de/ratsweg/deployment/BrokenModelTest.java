package de.ratsweg.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import de.ratsweg.RatswegSpringTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A broken model deploys nothing of the folder and is reported with the file, the element
 * and the reason.
 */
@RatswegSpringTest
class BrokenModelTest {

	@Autowired
	ProcessesFolderDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@TempDir
	Path temporaryFolder;

	ModelFolder folder;

	@BeforeEach
	void copyFixtureModels() {
		this.folder = ModelFolder.copyOfFixtures(this.temporaryFolder);
		// A change that would be deployed if nothing were broken.
		this.folder.renameProcess("kaputt");
	}

	static Stream<Arguments> brokenModels() {
		return Stream.of(
				broken("malformed XML", ModelFolder.PROCESS_FILE, "Task_ReviewRequest", "must be terminated",
						(folder) -> folder.replace(ModelFolder.PROCESS_FILE, "    </bpmn:userTask>\n", "")),
				broken("unknown BPMN element", ModelFolder.PROCESS_FILE, "Task_Unknown", "approvalTask",
						(folder) -> folder.replace(ModelFolder.PROCESS_FILE, "    <bpmn:endEvent",
								"    <bpmn:approvalTask id=\"Task_Unknown\" name=\"Freigeben\" />\n    <bpmn:endEvent")),
				broken("BPMN the engine rejects", ModelFolder.PROCESS_FILE, "SequenceFlow_ToRequestReviewed",
						"Task_Missing",
						(folder) -> folder.replace(ModelFolder.PROCESS_FILE,
								"sourceRef=\"Task_ReviewRequest\" targetRef=\"EndEvent_RequestReviewed\"",
								"sourceRef=\"Task_ReviewRequest\" targetRef=\"Task_Missing\"")),
				broken("process without history time-to-live", ModelFolder.PROCESS_FILE, "ReviewRequestProcess",
						"History Time To Live",
						(folder) -> folder.replace(ModelFolder.PROCESS_FILE, " camunda:historyTimeToLive=\"P180D\"",
								"")),
				broken("DMN that does not parse", ModelFolder.DECISION_FILE, "DecisionTable_RequestRouting",
						"SOMETIMES",
						(folder) -> folder.replace(ModelFolder.DECISION_FILE, "hitPolicy=\"FIRST\"",
								"hitPolicy=\"SOMETIMES\"")),
				broken("decision without history time-to-live", ModelFolder.DECISION_FILE, "RequestRoutingDecision",
						"historyTimeToLive",
						(folder) -> folder.replace(ModelFolder.DECISION_FILE, " camunda:historyTimeToLive=\"P180D\"",
								"")),
				broken("form that is not JSON", ModelFolder.FORM_FILE, null, "malformed JSON",
						(folder) -> folder.replace(ModelFolder.FORM_FILE, "\"components\": [", "\"components\": [[")));
	}

	private static Arguments broken(String what, String file, String elementId, String reason,
			Consumer<ModelFolder> breakIt) {
		return Arguments.of(Named.of(what, breakIt), file, elementId, reason);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenModels")
	void brokenModelIsReportedWithFileElementAndReasonAndNothingIsDeployed(Consumer<ModelFolder> breakIt, String file,
			String elementId, String reason) {
		breakIt.accept(this.folder);
		long deployments = this.repositoryService.createDeploymentQuery().count();

		ProcessesDeploymentException failure = catchThrowableOfType(ProcessesDeploymentException.class,
				() -> this.deployer.deploy(this.folder.root()));

		assertThat(failure).as("deploying a folder with a broken model must fail").isNotNull();
		assertThat(failure.getProblems()).anySatisfy((problem) -> {
			assertThat(problem.resource()).isEqualTo(file);
			assertThat(problem.elementId()).isEqualTo(elementId);
			assertThat(problem.reason()).contains(reason);
		});
		assertThat(failure.getMessage()).contains(file).contains("nothing of it was deployed");
		if (elementId != null) {
			assertThat(failure.getMessage()).contains("element '" + elementId + "'");
		}
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void externalEntityIsRefusedWithoutReadingTheFile() throws IOException {
		String secret = "RATSWEG-SECRET-" + UUID.randomUUID();
		Path secretFile = Files.writeString(this.temporaryFolder.resolveSibling(secret + ".txt"), secret);
		try {
			String model = this.folder.read(ModelFolder.PROCESS_FILE)
				.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
						"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM \""
								+ secretFile.toUri() + "\"> ]>")
				.replace("name=\"Anfrage prüfen\"", "name=\"&xxe;\"");
			this.folder.write(ModelFolder.PROCESS_FILE, model);
			long deployments = this.repositoryService.createDeploymentQuery().count();

			ProcessesDeploymentException failure = catchThrowableOfType(ProcessesDeploymentException.class,
					() -> this.deployer.deploy(this.folder.root()));

			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains(ModelFolder.PROCESS_FILE)
				.contains("DOCTYPE")
				.doesNotContain(secret);
			assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		}
		finally {
			Files.deleteIfExists(secretFile);
		}
	}

	@Test
	void missingFolderIsReportedByName() {
		Path missing = this.temporaryFolder.resolve("does-not-exist");

		ProcessesDeploymentException failure = catchThrowableOfType(ProcessesDeploymentException.class,
				() -> this.deployer.deploy(missing));

		assertThat(failure.getMessage()).contains("does-not-exist").contains("does not exist");
	}

}
