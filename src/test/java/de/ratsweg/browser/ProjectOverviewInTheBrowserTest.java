package de.ratsweg.browser;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.demo.DemoProjects;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview in headless Chromium, with the demo projects (their steps lie months in
 * the past): Maria Müller (staff, Soest) opens "Vorhaben im Überblick" from the welcome
 * page (where the administrators' "Prozesse bearbeiten" is not shown to her), reads
 * phases and durations, goes by keyboard to a finished project, sees its diagram with the
 * way it took, and opens its decision record. Every page passes axe-core's WCAG 2.1 AA
 * rules. Gabi Hartmann (Menden) does not see Soest's projects. Screenshots in
 * {@code target/browser/overview-*.png}.
 */
@RatswegSpringTest
class ProjectOverviewInTheBrowserTest {

	private final ProcessEngine engine;

	private final int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	ProjectOverviewInTheBrowserTest(ProcessEngine engine, @LocalServerPort int port) {
		this.engine = engine;
		this.port = port;
	}

	@BeforeEach
	void createTheDemoProjects() {
		new DemoProjects(this.engine).create();
	}

	@Test
	void staffFindTheirProjectsWithPhasesDurationsDiagramAndRecordAndEveryPageIsAccessible() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("welcome", DemoRoster.STAFF, DemoRoster.PASSWORD);
			WebElement link = browser.waitFor(By.linkText("Vorhaben im Überblick"));
			browser.until((driver) -> driver.findElements(By.linkText("Prozesse bearbeiten"))
				.stream()
				.noneMatch(WebElement::isDisplayed) ? true : null);
			browser.screenshot("overview-1-welcome");
			browser.click(link);

			browser.until((driver) -> browser.text().contains("Gremiensitzungen je Vorhaben") ? true : null);
			String overview = browser.text();
			assertThat(overview)
				.contains("Vorhaben im Überblick", "Digitale Bürgerbeteiligung", "DEMO-SO-5",
						"Abgeschlossen: Projektorganisation steht", "Sensorik für Grünflächen",
						"Beratungsfolge in den Gremien", "Mitzeichnung der Fachbereiche", "Median (Tage)",
						"Aus 3 abgeschlossenen Vorhaben")
				.as("Menden's projects belong to Menden")
				.doesNotContain("Offene Daten für Menden");
			assertThat(row(browser, "DEMO-SO-3")).as("phase, days in phase, days since the idea, sessions")
				.isEqualTo("Sensorik für Grünflächen DEMO-SO-3 Stadt Soest Beratungsfolge in den Gremien 3 52 0");
			assertThat(row(browser, "DEMO-SO-5")).endsWith("Abgeschlossen: Projektorganisation steht – 147 3");
			assertThat(browser.driver().findElements(By.cssSelector("svg rect.bar"))).hasSizeGreaterThanOrEqualTo(6);
			browser.screenshot("overview-2-list");
			assertAccessible(browser, "the overview");

			// by keyboard: skip to the content, then tab to the project and open it
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			assertThat(focused(browser).getText()).isEqualTo("Zum Inhalt springen");
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
			WebElement target = null;
			for (int i = 0; i < 20 && target == null; i++) {
				new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
				if ("Digitale Bürgerbeteiligung".equals(focused(browser).getText())) {
					target = focused(browser);
				}
			}
			assertThat(target).as("the project link is reached with the Tab key").isNotNull();
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

			browser.until((driver) -> "true".equals(diagram(browser).getDomAttribute("data-ready")) ? true : null);
			assertThat(browser.text()).contains("Digitale Bürgerbeteiligung", "DEMO-SO-5", "Projektorganisation",
					"Beratungsfolge in den Gremien");
			assertThat(marked(browser, "ratsweg-passed")).as("the way it took")
				.contains("CallActivity_DepartmentCoSigning", "CallActivity_BoardApproval",
						"CallActivity_CommitteeResolution", "Task_SetUpProjectOrganisation",
						"SequenceFlow_CommitteesPassed")
				.doesNotContain("CallActivity_FundingApplication", "Task_ReviseProjectIdea");
			browser.screenshot("overview-3-finished-project");
			assertAccessible(browser, "the page of a finished project");

			browser.go("/uebersicht/vorhaben/DEMO-SO-3");
			browser.until((driver) -> "true".equals(diagram(browser).getDomAttribute("data-ready")) ? true : null);
			assertThat(marked(browser, "ratsweg-current")).as("where it stands")
				.containsExactly("CallActivity_CommitteeResolution");
			browser.screenshot("overview-4-current-project");

			browser.click(browser.waitFor(By.partialLinkText("Aktenvermerk")));
			browser.until((driver) -> browser.text().contains("Aktenvermerk") ? true : null);
			assertThat(browser.text()).contains("Sensorik für Grünflächen", "Stadt Soest");
			browser.screenshot("overview-5-record");
			assertAccessible(browser, "the decision record");
			String pdf = browser.driver().findElement(By.linkText("Als PDF herunterladen")).getDomAttribute("href");
			Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(arguments[0]).then((r) => r.arrayBuffer().then((b) => done(r.status + ' '
					  + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))));
					""", pdf);
			assertThat(answer).as("the PDF behind the link").isEqualTo("200 application/pdf %PDF-");
		}
	}

	@Test
	void anotherMunicipalityDoesNotSeeTheProject() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("welcome", DemoRoster.MENDEN_STAFF, DemoRoster.PASSWORD);
			browser.waitFor(By.linkText("Vorhaben im Überblick"));
			browser.go("/uebersicht");
			browser.until((driver) -> browser.text().contains("Gremiensitzungen je Vorhaben") ? true : null);
			assertThat(browser.text()).contains("Offene Daten für Menden").doesNotContain("Digitale Bürgerbeteiligung");

			browser.go("/uebersicht/vorhaben/DEMO-SO-5");
			browser.until((driver) -> browser.text().contains("Vorhaben nicht gefunden") ? true : null);
			assertThat(browser.text()).doesNotContain("Digitale Bürgerbeteiligung");
			browser.screenshot("overview-6-other-municipality");
			assertAccessible(browser, "the page for a project one may not see");

			for (String part : List.of("/diagramm.bpmn", "/aktenvermerk", "/aktenvermerk.pdf")) {
				browser.go("/uebersicht/vorhaben/DEMO-SO-5" + part);
				browser.until((driver) -> browser.text().contains("Vorhaben nicht gefunden") ? true : null);
				assertThat(browser.driver().getPageSource()).as(part)
					.doesNotContain("Digitale Bürgerbeteiligung", "bpmn:definitions", "%PDF");
			}
		}
	}

	private static void assertAccessible(Browser browser, String page) {
		Results results = new AxeBuilder().withTags(AccessibilityAllowList.WCAG_21_AA).analyze(browser.driver());
		assertThat(results.getViolations())
			.as("axe-core (WCAG 2.1 AA) on " + page + ": %s",
					results.getViolations().stream().map(ProjectOverviewInTheBrowserTest::describe).toList())
			.isEmpty();
		assertThat(results.getPasses()).as("axe-core ran its rules on " + page).isNotEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getHelp() + "): "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

	private static String row(Browser browser, String businessKey) {
		return browser.driver()
			.findElement(
					By.xpath("//table[contains(@class,'projects')]//tr[td[normalize-space()='" + businessKey + "']]"))
			.getText()
			.replaceAll("\\s+", " ")
			.trim();
	}

	private static WebElement focused(Browser browser) {
		return browser.driver().switchTo().activeElement();
	}

	private static WebElement diagram(Browser browser) {
		return browser.driver().findElement(By.id("diagram"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> marked(Browser browser, String marker) {
		return (List<String>) browser.script("return Array.from(document.querySelectorAll('.djs-element." + marker
				+ "')).map((element) => element.getAttribute('data-element-id'));");
	}

}
