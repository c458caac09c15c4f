package de.ratsweg.browser;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.TestProfiles;
import de.ratsweg.identity.TestIdentityProvider;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on as a clerk does it: Tasklist's login page offers the city's account, the
 * provider's own login page asks for the password, Tasklist shows the clerk's
 * municipality only; the clerk completes a task, logs out (at the provider too), and a
 * clerk of Menden signs on in the same browser and sees only Menden. Screenshots:
 * {@code target/browser/sso-*.png}.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_ONLY_TAG)
class SingleSignOnInTasklistTest {

	private static final String TASK = "Task_CoSignProjectIdea";

	private final ProcessEngine engine;

	private final RestWork rest;

	@LocalServerPort
	private int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	SingleSignOnInTasklistTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@Test
	void aSoestClerkSignsOnSeesOnlySoestCompletesATaskAndLogsOutThenMendenSignsOn() {
		String soestTask = ProjectWork.taskOfGroup(this.engine,
				ProjectWork.ideaSubmittedBy(this.rest, DemoRoster.STAFF, "sso-soest"), "kaemmerei");
		String mendenTask = ProjectWork.taskOfGroup(this.engine,
				ProjectWork.ideaSubmittedBy(this.rest, DemoRoster.MENDEN_STAFF, "sso-menden"), "kaemmerei");
		String base = "http://127.0.0.1:" + this.port;
		TestIdentityProvider.allowPostLogoutRedirect(base + "/camunda/app/welcome/default/");

		try (Browser browser = Browser.openAt(base)) {
			// A link to the overview, followed without a session: the provider's login
			// page,
			// then the overview itself.
			browser.go("/uebersicht");
			browser.waitFor(By.id("username")).sendKeys(DemoRoster.TREASURY);
			browser.driver().findElement(By.id("password")).sendKeys(DemoRoster.PASSWORD);
			browser.screenshot("sso-1-provider-login");
			browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
			browser.until((driver) -> driver.getCurrentUrl().startsWith(base + "/uebersicht") ? true : null);
			browser.until((driver) -> browser.text().contains("Vorhaben") ? true : null);
			browser.screenshot("sso-2-overview");
			// Tasklist needs no second login.
			browser.go("/camunda/app/tasklist/default/#/?task=" + soestTask);
			browser.until((driver) -> browser.text().contains("Diese Aufgabe übernehmen") ? true : null);
			assertThat(tasksShownTo(browser)).contains(soestTask).doesNotContain(mendenTask);
			browser.click(
					browser.waitFor(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]")));
			FormInBrowser form = new FormInBrowser(browser).shown();
			form.pick("Stellungnahme", "Zugestimmt");
			browser.screenshot("sso-4-soest-form");
			form.complete();
			browser.until((driver) -> taskIsOpen(soestTask) ? null : true);
			assertThat(this.engine.getHistoryService()
				.createHistoricTaskInstanceQuery()
				.taskId(soestTask)
				.singleResult()
				.getAssignee()).isEqualTo(DemoRoster.TREASURY);

			// "Abmelden" in the user menu ends Ratsweg's and the provider's session.
			browser.click(
					browser.waitFor(By.xpath("//*[contains(@class,'dropdown-toggle')][contains(.,'Thomas Schulz')]")));
			browser.screenshot("sso-5-user-menu");
			browser.click(browser.waitFor(By.cssSelector("li.logout a")));
			browser.until((driver) -> !driver.findElements(By.id("ratsweg-sso")).isEmpty() ? true : null);
			browser.screenshot("sso-6-logged-out");
			assertThat(browser.driver().getCurrentUrl()).startsWith(base + "/camunda/app/welcome/default/");

			signOn(browser, DemoRoster.MENDEN_TREASURY, "Gabi Hartmann", "sso-7");
			browser.go("/camunda/app/tasklist/default/#/?task=" + mendenTask);
			browser.until((driver) -> browser.text().contains("Diese Aufgabe übernehmen") ? true : null);
			assertThat(tasksShownTo(browser)).contains(mendenTask).doesNotContain(soestTask);
			browser.screenshot("sso-8-menden");
		}
	}

	/** From Tasklist's login page through the provider's login page back to Tasklist. */
	private static void signOn(Browser browser, String user, String name, String screenshots) {
		browser.go("/camunda/app/tasklist/default/");
		browser.click(browser.waitFor(By.id("ratsweg-sso")));
		browser.waitFor(By.id("username")).sendKeys(user);
		browser.driver().findElement(By.id("password")).sendKeys(DemoRoster.PASSWORD);
		browser.screenshot(screenshots + "-provider-login");
		browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
		browser.until((driver) -> driver.getCurrentUrl().contains("/camunda/app/") && browser.text().contains(name)
				? true : null);
		browser.screenshot(screenshots + "-tasklist");
	}

	/** The tasks Tasklist's own API gives the browser's session. */
	@SuppressWarnings("unchecked")
	private static List<String> tasksShownTo(Browser browser) {
		return (List<String>) browser.script("""
				const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
				const request = new XMLHttpRequest();
				request.open('GET', '/camunda/api/engine/engine/default/task?firstResult=0&maxResults=200', false);
				request.setRequestHeader('Accept', 'application/json');
				if (token) { request.setRequestHeader('X-XSRF-TOKEN', token.split('=')[1]); }
				request.send();
				return JSON.parse(request.responseText).map((task) => task.id);""");
	}

	private boolean taskIsOpen(String taskId) {
		return this.engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
	}

}
