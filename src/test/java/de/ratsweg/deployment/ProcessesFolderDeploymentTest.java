package de.ratsweg.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import de.ratsweg.RatswegSpringTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processes folder is the source of truth: what is in it runs, named as in the
 * folder, and deploying it again changes nothing unless a file changed.
 */
@RatswegSpringTest
class ProcessesFolderDeploymentTest {

	@Autowired
	ProcessesFolderDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@TempDir
	Path temporaryFolder;

	ModelFolder folder;

	TestDeployments deployments;

	@BeforeEach
	void copyFixtureModels() {
		this.folder = ModelFolder.copyOfFixtures(this.temporaryFolder);
		this.deployments = TestDeployments.rememberExisting(this.repositoryService);
	}

	@AfterEach
	void removeWhatThisTestDeployed() {
		this.deployments.removeNew();
	}

	@Test
	void unchangedFolderCreatesNoNewDeploymentAndNoNewVersions() {
		this.deployer.deploy(this.folder.root());
		long deployments = folderDeploymentCount();
		int version = latestProcessVersion();

		ProcessesFolderDeployer.Result again = this.deployer.deploy(this.folder.root());

		assertThat(again.created()).isFalse();
		assertThat(folderDeploymentCount()).isEqualTo(deployments);
		assertThat(latestProcessVersion()).isEqualTo(version);
	}

	@Test
	void changedFileCreatesExactlyOneNewDeploymentHoldingTheWholeFolder() {
		this.deployer.deploy(this.folder.root());
		long deployments = folderDeploymentCount();
		int version = latestProcessVersion();

		this.folder.renameProcess("geändert");
		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(result.created()).isTrue();
		assertThat(folderDeploymentCount()).isEqualTo(deployments + 1);
		assertThat(latestProcessVersion()).isEqualTo(version + 1);
		assertThat(resourceNames(result.deploymentId())).containsExactlyInAnyOrder(ModelFolder.PROCESS_FILE,
				ModelFolder.FORM_FILE, ModelFolder.DECISION_FILE);
	}

	@Test
	void resourceNamesAreRelativeToTheFolder() {
		this.folder.renameProcess("Namen");
		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(resourceNames(result.deploymentId())).containsExactlyInAnyOrder("ReviewRequestProcess.bpmn",
				"ReviewRequestForm.form", "routing/RequestRoutingDecision.dmn");
		assertThat(this.repositoryService.createDecisionDefinitionQuery()
			.deploymentId(result.deploymentId())
			.singleResult()
			.getResourceName()).isEqualTo("routing/RequestRoutingDecision.dmn");
	}

	@Test
	void decisionTablesInAMunicipalityFolderAreDeployedForThatTenantOnly() throws IOException {
		this.folder.renameProcess("Mandanten");
		Files.createDirectories(this.folder.root().resolve("olpe"));
		Files.copy(this.folder.root().resolve(ModelFolder.DECISION_FILE),
				this.folder.root().resolve("olpe/RequestRoutingDecision.dmn"));

		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(resourceNames(result.deploymentId())).doesNotContain("olpe/RequestRoutingDecision.dmn");
		org.camunda.bpm.engine.repository.DecisionDefinition olpe = this.repositoryService
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey("RequestRoutingDecision")
			.tenantIdIn("olpe")
			.latestVersion()
			.singleResult();
		assertThat(olpe.getResourceName()).isEqualTo("olpe/RequestRoutingDecision.dmn");
		assertThat(this.repositoryService.createDeploymentQuery().deploymentId(olpe.getDeploymentId()).singleResult())
			.satisfies((deployment) -> assertThat(deployment.getTenantId()).isEqualTo("olpe"));
		assertThat(this.deployer.deploy(this.folder.root()).created()).as("unchanged: nothing new").isFalse();
	}

	@Test
	void whenAMunicipalityFolderIsRemovedItsTablesGoAndTheSharedOnesApply() throws IOException {
		this.folder.renameProcess("Ohne Mandantentabelle");
		Path olpe = this.folder.root().resolve("olpe");
		Files.createDirectories(olpe);
		Files.copy(this.folder.root().resolve(ModelFolder.DECISION_FILE), olpe.resolve("RequestRoutingDecision.dmn"));
		this.deployer.deploy(this.folder.root());
		assertThat(olpeTables()).isOne();

		Files.delete(olpe.resolve("RequestRoutingDecision.dmn"));
		Files.delete(olpe);
		this.deployer.deploy(this.folder.root());

		assertThat(olpeTables()).isZero();
	}

	private long olpeTables() {
		return this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey("RequestRoutingDecision")
			.tenantIdIn("olpe")
			.count();
	}

	@Test
	void aProcessInAMunicipalityFolderIsRefused() throws IOException {
		Files.createDirectories(this.folder.root().resolve("menden"));
		Files.copy(this.folder.root().resolve(ModelFolder.PROCESS_FILE),
				this.folder.root().resolve("menden/" + ModelFolder.PROCESS_FILE));

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.deployer.deploy(this.folder.root()))
			.isInstanceOf(ProcessesDeploymentException.class)
			.hasMessageContaining("menden/ReviewRequestProcess.bpmn")
			.hasMessageContaining("only decision tables (.dmn) may differ per municipality");
	}

	@Test
	void formOfTheSameDeploymentIsResolvedThroughFormRef() throws IOException {
		this.folder.renameProcess("Formular");
		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());
		String processDefinitionId = this.repositoryService.createProcessDefinitionQuery()
			.deploymentId(result.deploymentId())
			.singleResult()
			.getId();

		ProcessInstance instance = this.runtimeService.startProcessInstanceById(processDefinitionId);
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		assertThat(this.formService.getTaskFormData(task.getId()).getCamundaFormRef().getKey())
			.isEqualTo("ReviewRequestForm");
		try (InputStream form = this.formService.getDeployedTaskForm(task.getId())) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"ReviewRequestForm\"")
				.contains("Ergebnis der Prüfung");
		}
	}

	@Test
	void deletedFileIsNotUndeployedAndCreatesNoNewDeployment() throws IOException {
		this.deployer.deploy(this.folder.root());
		long deployments = folderDeploymentCount();

		Files.delete(this.folder.root().resolve(ModelFolder.DECISION_FILE));
		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(result.created()).isFalse();
		assertThat(folderDeploymentCount()).isEqualTo(deployments);
		assertThat(this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey("RequestRoutingDecision")
			.latestVersion()
			.count()).isEqualTo(1);
	}

	@Test
	void folderBehindASymbolicLinkIsDeployedWithNamesRelativeToIt() throws IOException {
		Path link = Files.createSymbolicLink(this.temporaryFolder.resolveSibling("link-" + UUID.randomUUID()),
				this.folder.root());
		try {
			this.folder.renameProcess("verlinkt");
			ProcessesFolderDeployer.Result result = this.deployer.deploy(link);

			assertThat(result.created()).isTrue();
			assertThat(resourceNames(result.deploymentId())).containsExactlyInAnyOrder(ModelFolder.PROCESS_FILE,
					ModelFolder.FORM_FILE, ModelFolder.DECISION_FILE);
		}
		finally {
			Files.delete(link);
		}
	}

	@Test
	void upperCaseEndingsAreNotModels() {
		this.folder.write("Notizen.BPMN", "not a model");
		this.folder.renameProcess("Endungen");

		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(resourceNames(result.deploymentId())).doesNotContain("Notizen.BPMN").hasSize(3);
	}

	@Test
	void hiddenFilesAndOtherFilesAreNotDeployed() {
		this.folder.write(".backup/Old.bpmn", "not a model");
		this.folder.write("notes.txt", "meeting notes");
		this.folder.renameProcess("versteckt");

		ProcessesFolderDeployer.Result result = this.deployer.deploy(this.folder.root());

		assertThat(resourceNames(result.deploymentId())).hasSize(3).doesNotContain(".backup/Old.bpmn", "notes.txt");
	}

	private long folderDeploymentCount() {
		return this.repositoryService.createDeploymentQuery()
			.deploymentName(ProcessesFolderDeployer.DEPLOYMENT_NAME)
			.count();
	}

	private int latestProcessVersion() {
		return this.deployments.latestProcess().getVersion();
	}

	private List<String> resourceNames(String deploymentId) {
		return this.repositoryService.getDeploymentResources(deploymentId).stream().map(Resource::getName).toList();
	}

}
