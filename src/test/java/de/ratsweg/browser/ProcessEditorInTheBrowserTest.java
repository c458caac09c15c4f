package de.ratsweg.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.security.DemoRoster;
import de.ratsweg.startup.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anna Koch, the administrator, opens "Prozesse bearbeiten" from the welcome page, opens
 * the Smart-City process, renames a task on the diagram, lets it be checked and publishes
 * it: the file in the processes folder changes, a new version runs, and the page shows
 * the renamed task as the change. A second administrator, who opened the process before,
 * tries to publish their own change and is told in German that somebody else published in
 * the meantime. Anna moves a project that was running to the new version on "Laufende
 * Vorhaben umstellen". Screenshots in {@code target/browser/editor-*.png}.
 */
@RatswegSpringTest
class ProcessEditorInTheBrowserTest {

	private static final String PROCESS = "SmartCityProjectProcess.bpmn";

	private static final String TASK = "Task_SetUpProjectOrganisation";

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ApplicationContext context;

	private final RepositoryService repositoryService;

	private final int port;

	private final Path folder;

	private final List<Path> added = new ArrayList<>();

	private Set<String> deploymentsBefore;

	@Autowired
	ProcessEditorInTheBrowserTest(ApplicationContext context, ProcessEngine engine, @LocalServerPort int port,
			@Value("${ratsweg.processes.location}") Path folder) {
		this.context = context;
		this.repositoryService = engine.getRepositoryService();
		this.port = port;
		this.folder = folder;
	}

	/**
	 * The processes folder of the test application gets the real Smart-City models and is
	 * deployed, as at start-up.
	 */
	@BeforeEach
	void theRealProcessesAreInTheFolderAndRun() throws IOException {
		this.deploymentsBefore = deploymentIds();
		try (Stream<Path> files = Files.list(ProcessModels.FOLDER)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().matches(".*\\.(bpmn|dmn|form)$"))
				.toList()) {
				Path target = this.folder.resolve(file.getFileName());
				Files.copy(file, target);
				this.added.add(target);
			}
		}
		deployTheFolder();
	}

	@AfterEach
	void theFolderAndTheEngineAreAsBefore() throws IOException {
		for (Path file : this.added) {
			Files.deleteIfExists(file);
		}
		for (String deploymentId : deploymentIds()) {
			if (!this.deploymentsBefore.contains(deploymentId)) {
				ProcessModels.undeploy(this.context.getBean(ProcessEngine.class), deploymentId);
			}
		}
	}

	@Test
	void anAdministratorRenamesATaskChecksPublishesAndSeesTheChange() throws IOException {
		int versionBefore = latestVersion();
		ProcessEngine engine = this.context.getBean(ProcessEngine.class);
		String running = "editor-" + System.nanoTime();
		DemoRoster.as(engine, DemoRoster.STAFF, () -> engine.getRuntimeService()
			.startProcessInstanceByKey("SmartCityProjectProcess", running, ProjectIdeas.smartStreetLighting()));
		try (Browser anna = Browser.open(this.port); Browser second = Browser.open(this.port)) {
			anna.logIn("welcome", DemoRoster.ADMIN, DemoRoster.PASSWORD);
			anna.click(anna.waitFor(By.linkText("Prozesse bearbeiten")));
			anna.waitFor(By.xpath("//h1[text()='Prozesse bearbeiten']"));
			anna.screenshot("editor-1-models");
			anna.click(anna.waitFor(By.linkText(PROCESS)));
			waitUntilOpened(anna);
			anna.screenshot("editor-2-opened");

			// The second administrator opens the same process before Anna publishes.
			second.logIn("welcome", "testadmin", "Kreishaus-Secret-4711");
			second.waitFor(By.linkText("Prozesse bearbeiten"));
			second.go("/prozesse/bearbeiten?datei=" + PROCESS);
			waitUntilOpened(second);

			rename(anna, TASK, "Projektorganisation gründen");
			anna.click(anna.waitFor(By.id("check")));
			anna.until((driver) -> status(anna).startsWith("Prüfung bestanden") ? true : null);
			anna.screenshot("editor-3-checked");

			anna.click(anna.waitFor(By.id("publish")));
			anna.until((driver) -> status(anna).contains("gespeichert") ? true : null);
			assertThat(status(anna))
				.isEqualTo("„" + PROCESS + "“ ist gespeichert und als neue Version bereitgestellt.");
			String changed = anna.waitFor(By.id("changed")).getText();
			assertThat(changed).contains("Benutzeraufgabe „Projektorganisation gründen“ (" + TASK + ")",
					"Name: „Projektorganisation aufsetzen“ → „Projektorganisation gründen“");
			assertThat(anna.script("return document.querySelector('[data-element-id=\"" + TASK
					+ "\"]').classList.contains('ratsweg-changed');"))
				.as("the renamed task is highlighted on the diagram")
				.isEqualTo(true);
			anna.screenshot("editor-4-published");

			assertThat(Files.readString(this.folder.resolve(PROCESS))).as("the file in the processes folder")
				.contains("name=\"Projektorganisation gründen\"")
				.doesNotContain("name=\"Projektorganisation aufsetzen\"");
			assertThat(latestVersion()).as("a new version runs").isEqualTo(versionBefore + 1);

			// The project that was running moves to the new version.
			anna.click(anna.waitFor(By.linkText("Laufende Vorhaben umstellen")));
			anna.click(anna.waitFor(By.partialLinkText("Smart-City-Vorhaben")));
			anna.click(anna.waitFor(By.xpath("//tr[.//label[text()='" + running + "']]//input[@type='checkbox']")));
			anna.screenshot("editor-6-running-projects");
			anna.click(anna.waitFor(By.xpath("//button[text()='Ausgewählte Vorhaben umstellen']")));
			assertThat(anna.waitFor(By.cssSelector(".outcome")).getText())
				.startsWith("1 Vorhaben werden auf Version " + (versionBefore + 1) + " umgestellt");
			ProcessModels.runBatches(engine);
			anna.driver().navigate().refresh();
			anna.waitFor(By.xpath("//h2[text()='Version " + (versionBefore + 1) + " (neueste)']"));
			assertThat(anna.driver()
				.findElement(By.xpath("//tr[.//label[text()='" + running + "']]//input[@type='checkbox']"))
				.isEnabled()).as("on the newest version: nothing left to move").isFalse();
			anna.screenshot("editor-7-moved");

			rename(second, "Task_ClarifyFinancing", "Finanzierung abstimmen");
			second.click(second.waitFor(By.id("publish")));
			second.until((driver) -> status(second).contains("inzwischen") ? true : null);
			assertThat(status(second)).startsWith("„" + PROCESS
					+ "“ wurde inzwischen von jemand anderem veröffentlicht. Ihre Änderung wurde nicht gespeichert, "
					+ "damit nichts überschrieben wird. Laden Sie das Modell neu und tragen Sie Ihre Änderung erneut ein.")
				.as("the refused version can be kept")
				.endsWith("Ihre Fassung herunterladen");
			second.screenshot("editor-5-stale-save-refused");
			assertThat(Files.readString(this.folder.resolve(PROCESS))).contains("name=\"Projektorganisation gründen\"")
				.doesNotContain("Finanzierung abstimmen");
			assertThat(latestVersion()).isEqualTo(versionBefore + 1);
		}
	}

	private static void waitUntilOpened(Browser browser) {
		browser.until((driver) -> "true"
			.equals(browser.script("return document.getElementById('editor').dataset.ready || '';")) ? true : null);
		browser.waitFor(By.cssSelector("[data-element-id='" + TASK + "']"));
	}

	/** Double-clicks the task on the diagram and types its new name, as a user does. */
	private static void rename(Browser browser, String taskId, String name) {
		WebElement task = browser.waitFor(By.cssSelector("g.djs-element[data-element-id='" + taskId + "']"));
		new Actions(browser.driver()).doubleClick(task).perform();
		WebElement label = browser.waitFor(By.cssSelector(".djs-direct-editing-content"));
		label.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
		browser.until((driver) -> driver.findElements(By.cssSelector(".djs-direct-editing-parent"))
			.stream()
			.noneMatch(WebElement::isDisplayed) ? true : null);
	}

	private static String status(Browser browser) {
		return browser.driver().findElement(By.id("status")).getText();
	}

	private void deployTheFolder() {
		this.context.getBeansOfType(StartupStep.class)
			.values()
			.stream()
			.filter((step) -> step.stage() == StartupStep.Stage.DEPLOYMENT)
			.forEach(StartupStep::run);
	}

	private int latestVersion() {
		ProcessDefinition latest = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("SmartCityProjectProcess")
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		return latest.getVersion();
	}

	private Set<String> deploymentIds() {
		return Set
			.copyOf(this.repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
	}

}
