package de.ratsweg.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import de.ratsweg.ProcessModels;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.cluster.ClusterLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An administrator changes a model in the browser and publishes it: the file in the
 * processes folder changes and a new version runs. A second administrator's save based on
 * the old file, a model that fails the checks, and a folder that cannot be written are
 * refused with a German message, and the folder and the engine stay as they were.
 */
@RatswegSpringTest
class PublishingFromTheEditorTest {

	private static final String PROJECT = "SmartCityProjectProcess.bpmn";

	@Autowired
	ProcessesFolderDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ClusterLock clusterLock;

	@Autowired
	PlatformTransactionManager transactions;

	@TempDir
	Path temporaryFolder;

	Path processes;

	TestDeployments deployments;

	@BeforeEach
	void copyTheProcessesFolderAndDeployIt() throws IOException {
		this.processes = this.temporaryFolder.resolve("processes");
		try (Stream<Path> files = Files.walk(ProcessModels.FOLDER)) {
			for (Path file : files.toList()) {
				Path target = this.processes.resolve(ProcessModels.FOLDER.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		this.deployments = TestDeployments.rememberExisting(this.repositoryService);
		this.deployer.deploy(this.processes);
	}

	@AfterEach
	void removeWhatThisTestDeployed() {
		this.deployments.removeNew();
	}

	@Test
	void aRenamedTaskIsSavedIntoTheFolderAndRunsAsANewVersion() throws IOException {
		ProcessesFolder folder = folder(true);
		ProcessesFolder.Model model = folder.read(PROJECT).orElseThrow();
		byte[] renamed = renamed(model, "Projektorganisation gründen");
		int before = latestVersion();

		assertThat(folder.check(PROJECT, renamed)).as("Prüfen").isEmpty();
		ProcessesFolder.Published published = folder.publish(PROJECT, renamed, model.version(), "akoch");

		assertThat(published.deployed()).isTrue();
		assertThat(Files.readAllBytes(this.processes.resolve(PROJECT))).as("the file in the folder").isEqualTo(renamed);
		assertThat(published.version()).isEqualTo(ProcessesFolder.versionOf(renamed)).isNotEqualTo(model.version());
		assertThat(latestVersion()).as("a new version runs").isEqualTo(before + 1);
		assertThat(folder.deployed(PROJECT)).as("the running version is the published file").hasValue(renamed);
		assertThat(Files.list(this.processes).map(Path::getFileName).map(Path::toString))
			.as("no temporary file left behind")
			.noneMatch((name) -> name.startsWith("."));
	}

	@Test
	void aCitysOwnDecisionTableIsPublishedIntoItsFolderForThatCityOnly() throws IOException {
		ProcessesFolder folder = folder(true);
		String table = "soest/ResponsibleCommitteesDecision.dmn";
		ProcessesFolder.Model model = folder.read(table).orElseThrow();
		byte[] renamed = model.text()
			.replace("\"Ausschuss für Digitalisierung und Smart City\"", "\"Ausschuss für Digitales\"")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(renamed).isNotEqualTo(model.content());

		assertThat(folder.check(table, renamed)).isEmpty();
		folder.publish(table, renamed, model.version(), "akoch");

		assertThat(Files.readAllBytes(this.processes.resolve(table))).isEqualTo(renamed);
		assertThat(this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey("ResponsibleCommitteesDecision")
			.tenantIdIn("soest")
			.latestVersion()
			.singleResult())
			.satisfies((decision) -> assertThat(
					this.repositoryService.getResourceAsStream(decision.getDeploymentId(), table).readAllBytes())
				.isEqualTo(renamed));
		assertThat(folder.deployed(table)).hasValue(renamed);
		assertThat(folder.deployed("ResponsibleCommitteesDecision.dmn")).as("the shared table is unchanged")
			.hasValue(Files.readAllBytes(ProcessModels.FOLDER.resolve("ResponsibleCommitteesDecision.dmn")));
	}

	@Test
	void aSecondAdministratorsStaleSaveIsRefusedAndOverwritesNothing() throws IOException {
		ProcessesFolder folder = folder(true);
		ProcessesFolder.Model openedByFirst = folder.read(PROJECT).orElseThrow();
		ProcessesFolder.Model openedBySecond = folder.read(PROJECT).orElseThrow();
		byte[] first = renamed(openedByFirst, "Projektorganisation gründen");
		folder.publish(PROJECT, first, openedByFirst.version(), "akoch");
		int after = latestVersion();

		assertThatExceptionOfType(PublishRefusedException.class)
			.isThrownBy(() -> folder.publish(PROJECT, renamed(openedBySecond, "Projekt organisieren"),
					openedBySecond.version(), "testadmin"))
			.satisfies((refused) -> {
				assertThat(refused.reason()).isEqualTo(PublishRefusedException.Reason.CONFLICT);
				assertThat(refused.getMessage()).contains("wurde inzwischen von jemand anderem veröffentlicht",
						"nicht gespeichert");
				assertThat(refused.currentVersion()).isEqualTo(ProcessesFolder.versionOf(first));
			});
		assertThat(Files.readAllBytes(this.processes.resolve(PROJECT))).isEqualTo(first);
		assertThat(latestVersion()).isEqualTo(after);
	}

	@Test
	void aTaskWithoutDeadlineIsFoundAtItsElementAndNotPublished() throws IOException {
		ProcessesFolder folder = folder(true);
		ProcessesFolder.Model model = folder.read(PROJECT).orElseThrow();
		byte[] withoutDeadline = model.text()
			.replaceFirst("(id=\"Task_SetUpProjectOrganisation\"[^>]*?) camunda:dueDate=\"[^\"]*\"", "$1")
			.getBytes(StandardCharsets.UTF_8);
		int before = latestVersion();

		List<ModelFinding> findings = folder.check(PROJECT, withoutDeadline);

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.elementId()).isEqualTo("Task_SetUpProjectOrganisation");
			assertThat(finding.message())
				.isEqualTo("Die Benutzeraufgabe „Projektorganisation aufsetzen“ hat keine " + "Frist (Due date).");
		});
		assertThatExceptionOfType(PublishRefusedException.class)
			.isThrownBy(() -> folder.publish(PROJECT, withoutDeadline, model.version(), "akoch"))
			.satisfies((refused) -> assertThat(refused.findings()).isEqualTo(findings));
		assertThat(Files.readAllBytes(this.processes.resolve(PROJECT))).isEqualTo(model.content());
		assertThat(latestVersion()).isEqualTo(before);
	}

	@Test
	void whatOnlyTheEngineFindsIsReportedAtItsElement() {
		ProcessesFolder folder = folder(true);
		ProcessesFolder.Model model = folder.read(PROJECT).orElseThrow();
		byte[] broken = model.text()
			.replaceFirst("(id=\"Task_SetUpProjectOrganisation\"[^>]*? camunda:candidateGroups=\")[^\"]*\"",
					"$1\\${sachbearbeitung\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(folder.check(PROJECT, broken)).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.message()).startsWith("Die Engine lehnt das Modell ab: "))
			.anySatisfy((finding) -> assertThat(finding.elementId()).isEqualTo("Task_SetUpProjectOrganisation"));
		assertThat(this.repositoryService.createDeploymentQuery().deploymentName("ratsweg-trial").count())
			.as("the trial deployment was rolled back")
			.isZero();
	}

	@Test
	void aFolderThatCannotBeWrittenRefusesPublishingWithAGermanMessage() throws IOException {
		ProcessesFolder folder = folder(false);
		ProcessesFolder.Model model = folder.read(PROJECT).orElseThrow();
		int before = latestVersion();

		assertThat(folder.writable()).isFalse();
		assertThatExceptionOfType(PublishRefusedException.class).isThrownBy(
				() -> folder.publish(PROJECT, renamed(model, "Projektorganisation gründen"), model.version(), "akoch"))
			.satisfies((refused) -> {
				assertThat(refused.reason()).isEqualTo(PublishRefusedException.Reason.READ_ONLY);
				assertThat(refused.getMessage()).startsWith("Veröffentlichen ist hier nicht möglich: Der Ordner")
					.contains("schreibgeschützt", "weder gespeichert noch bereitgestellt");
			});
		assertThat(Files.readAllBytes(this.processes.resolve(PROJECT))).isEqualTo(model.content());
		assertThat(latestVersion()).isEqualTo(before);
	}

	private ProcessesFolder folder(boolean publishing) {
		return new ProcessesFolder(new ProcessesProperties(this.processes, false, Duration.ofSeconds(2), publishing),
				this.deployer, this.repositoryService, this.clusterLock, this.transactions);
	}

	private static byte[] renamed(ProcessesFolder.Model model, String newName) {
		String text = model.text();
		assertThat(text).contains("name=\"Projektorganisation aufsetzen\"");
		return text.replace("name=\"Projektorganisation aufsetzen\"", "name=\"" + newName + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	private int latestVersion() {
		ProcessDefinition latest = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("SmartCityProjectProcess")
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		return (latest != null) ? latest.getVersion() : 0;
	}

}
