package de.ratsweg.deployment;

import java.nio.file.Path;
import java.time.Duration;

import de.ratsweg.RatswegSpringTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Ratsweg runs, administrators edit the folder: a good change is deployed within
 * seconds, a broken one is reported and changes nothing that runs.
 */
@RatswegSpringTest
@ExtendWith(OutputCaptureExtension.class)
class ProcessesFolderWatchTest {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

	@Autowired
	ProcessesFolderDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@TempDir
	Path temporaryFolder;

	ModelFolder folder;

	ProcessesFolderSync watcher;

	TestDeployments deployments;

	@BeforeEach
	void watchACopyOfTheFixtures() {
		this.deployments = TestDeployments.rememberExisting(this.repositoryService);
		this.folder = ModelFolder.copyOfFixtures(this.temporaryFolder);
		this.folder.renameProcess("beobachtet");
		this.watcher = new ProcessesFolderSync(this.deployer,
				new ProcessesProperties(this.folder.root(), true, Duration.ofMillis(100), false));
		this.watcher.start();
	}

	@AfterEach
	void stopWatching() {
		this.watcher.stop();
		this.deployments.removeNew();
	}

	@Test
	void changedFileIsDeployedWithinSeconds() {
		int version = latestProcessVersion();

		this.folder.renameProcess("neue Fassung");

		await().atMost(WITHIN_SECONDS).until(() -> latestProcessVersion() == version + 1);
		assertThat(latestProcessName()).endsWith("neue Fassung");
	}

	@Test
	void brokenChangeKeepsRunningVersionsAndInstancesAndIsDeployedOnceFixed(CapturedOutput output) {
		ProcessInstance running = this.runtimeService.startProcessInstanceByKey(ModelFolder.PROCESS_KEY);
		int version = latestProcessVersion();

		this.folder.replace(ModelFolder.PROCESS_FILE, "    <bpmn:endEvent",
				"    <bpmn:approvalTask id=\"Task_Unknown\" />\n    <bpmn:endEvent");

		await().atMost(WITHIN_SECONDS)
			.until(() -> output.getOut().contains("ReviewRequestProcess.bpmn, element 'Task_Unknown'"));
		assertThat(output.getOut()).contains("The previously deployed versions stay active");
		assertThat(latestProcessVersion()).isEqualTo(version);
		ProcessInstance startedAfterwards = this.runtimeService.startProcessInstanceByKey(ModelFolder.PROCESS_KEY);
		assertThat(startedAfterwards.getProcessDefinitionId()).isEqualTo(running.getProcessDefinitionId());
		assertThat(this.runtimeService.getActiveActivityIds(running.getId())).containsExactly("Task_ReviewRequest");

		this.folder.replace(ModelFolder.PROCESS_FILE, "    <bpmn:approvalTask id=\"Task_Unknown\" />\n", "");
		this.folder.renameProcess("repariert");

		await().atMost(WITHIN_SECONDS).until(() -> latestProcessVersion() == version + 1);
		assertThat(this.runtimeService.getActiveActivityIds(running.getId())).containsExactly("Task_ReviewRequest");
	}

	private int latestProcessVersion() {
		return this.deployments.latestProcess().getVersion();
	}

	private String latestProcessName() {
		return this.deployments.latestProcess().getName();
	}

}
