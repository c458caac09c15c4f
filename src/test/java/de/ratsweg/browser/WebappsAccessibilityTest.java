package de.ratsweg.browser;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.security.DemoRoster;
import de.ratsweg.tasklist.TaskFilters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page that staff, the committee office and administrators use passes axe-core's
 * WCAG 2.0/2.1 A and AA rules with no serious or critical finding, apart from those that
 * {@code accessibility-allow-list.txt} accepts with its reason: the login page,
 * Tasklist's list, a task's form, the start dialog and its form, the welcome page,
 * Cockpit's dashboard and a process, Admin's user list, Ratsweg's own pages and the
 * accessibility statement. Screenshots in {@code target/browser/accessibility-*.png}.
 */
@RatswegSpringTest
class WebappsAccessibilityTest {

	private static final String TITLE = "Barrierefreie Ratsinformation";

	private final ProcessEngine engine;

	private final int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	WebappsAccessibilityTest(ProcessEngine engine, @LocalServerPort int port) {
		this.engine = engine;
		this.port = port;
	}

	@Test
	void everyPageOfTheDayPassesAxeCoreApartFromTheAllowList() {
		String businessKey = "A11Y-" + System.nanoTime();
		DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", businessKey,
							ProjectIdeas.smartStreetLighting(Map.of("projectTitle", TITLE))));
		AccessibilityAllowList axe = AccessibilityAllowList.read();

		try (Browser browser = Browser.open(this.port)) {
			browser.go("/camunda/app/tasklist/default/");
			browser.waitFor(By.cssSelector("form input[type='password']"));
			check(axe, browser, "login");

			browser.logIn("tasklist", DemoRoster.TREASURY, DemoRoster.PASSWORD);
			browser.click(browser.waitFor(
					By.xpath("//*[contains(@class,'task-filter')]//a[contains(.,'" + TaskFilters.GROUP_TASKS + "')]")));
			browser.waitFor(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(.,'" + TITLE + "')]"));
			check(axe, browser, "tasklist-list");

			browser
				.click(browser.waitFor(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(.,'" + TITLE + "')]")));
			browser.click(
					browser.waitFor(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]")));
			new FormInBrowser(browser).shown();
			check(axe, browser, "tasklist-form");
			browser.logOut();

			browser.logIn("tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);
			browser.click(browser.waitFor(By.xpath("//a[contains(.,'Prozess starten')]")));
			browser.waitFor(By.xpath("//*[contains(@class,'modal')]//a[contains(.,'Smart-City-Vorhaben')]"));
			check(axe, browser, "start-dialog");
			browser.click(
					browser.waitFor(By.xpath("//*[contains(@class,'modal')]//a[contains(.,'Smart-City-Vorhaben')]")));
			browser.waitFor(By.cssSelector(".modal .fjs-form [id$='-Field_projectTitle']"));
			check(axe, browser, "start-form");

			browser.go("/uebersicht");
			browser.waitFor(By.xpath("//h1"));
			check(axe, browser, "overview");
			browser.click(browser.waitFor(By.xpath("//a[contains(.,'" + TITLE + "')]")));
			browser.waitFor(By.xpath("//h1[contains(.,'" + TITLE + "')]"));
			check(axe, browser, "project");
			browser.go("/vertretung");
			browser.waitFor(By.xpath("//h1[contains(.,'Vertretung')]"));
			check(axe, browser, "absences");
			browser.go("/camunda/app/welcome/default/");
			browser.logOut();

			browser.logIn("welcome", DemoRoster.ADMIN, DemoRoster.PASSWORD);
			browser.waitFor(By.xpath("//a[contains(.,'Erklärung zur Barrierefreiheit')]"));
			check(axe, browser, "welcome");
			browser.go("/camunda/app/cockpit/default/#/dashboard");
			browser.waitFor(By.cssSelector("[cam-widget-header]"));
			browser.until((driver) -> browser.text().contains("Prozessdefinition") ? true : null);
			check(axe, browser, "cockpit-dashboard");
			browser.go("/camunda/app/cockpit/default/#/processes");
			String process = browser
				.waitFor(By.xpath("//a[contains(@href,'process-definition/')][contains(.,'Smart')]"))
				.getDomAttribute("href");
			browser.go("/camunda/app/cockpit/default/" + process);
			browser.until((driver) -> Boolean.TRUE.equals(browser.script(
					"return document.querySelectorAll('.djs-container svg').length > 0 && document.querySelectorAll('a.circle').length > 0"))
							? true : null);
			check(axe, browser, "cockpit-process");
			browser.go("/camunda/app/admin/default/#/users");
			browser.until((driver) -> browser.text().contains(DemoRoster.TREASURY) ? true : null);
			check(axe, browser, "admin-users");
			browser.go("/prozesse");
			browser.waitFor(By.xpath("//h1[text()='Prozesse bearbeiten']"));
			check(axe, browser, "process-models");

			browser.go("/barrierefreiheit");
			browser.waitFor(By.xpath("//h1[text()='Erklärung zur Barrierefreiheit']"));
			check(axe, browser, "statement");
		}
		assertThat(axe.problems()).as("serious or critical axe-core findings not in accessibility-allow-list.txt")
			.isEmpty();
		assertThat(axe.pagesChecked()).isEqualTo(14);
	}

	private static void check(AccessibilityAllowList axe, Browser browser, String page) {
		browser.screenshot("accessibility-" + page);
		axe.check(browser, page);
	}

}
