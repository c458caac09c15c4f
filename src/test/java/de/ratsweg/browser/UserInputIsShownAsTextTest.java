package de.ratsweg.browser;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored cross-site scripting: a task name, a project title and a variable that carry
 * {@code <script>} and {@code <img onerror>} are shown to a Tasklist user as text, in the
 * task list, the task's header, its form and a filter column, and none of it runs.
 * Checked in headless Chromium; screenshots in {@code target/browser/}.
 */
@RatswegSpringTest
class UserInputIsShownAsTextTest {

	static final String SCRIPT_IN_NAME = "<script>window.xssName=1</script>";

	static final String IMAGE_IN_TITLE = "<img src=x onerror=\"window.xssTitle=1\">";

	static final String SCRIPT_IN_VARIABLE = "<script>window.xssVariable=1</script><img src=y onerror=\"window.xssVariable=2\">";

	private static final String PROCESS = "StoredXssProcess";

	private static final String FILTER = "XSS-Prüfung";

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final int port;

	private String deploymentId;

	private String filterId;

	@Autowired
	UserInputIsShownAsTextTest(ApplicationContext context, ProcessEngine engine, @LocalServerPort int port) {
		this.context = context;
		this.engine = engine;
		this.port = port;
	}

	@BeforeEach
	void aTaskFullOfMarkup() {
		DemoRoster.createIn(this.context);
		String form = """
				{"id": "StoredXssForm", "type": "default", "schemaVersion": 16,
				 "components": [
				   {"id": "Field_Remark", "key": "remark", "label": "Bemerkung", "type": "textfield", "readonly": true}]}
				""";
		this.deploymentId = this.engine.getRepositoryService()
			.createDeployment()
			.name("stored-xss")
			.addModelInstance(PROCESS + ".bpmn",
					Bpmn.createExecutableProcess(PROCESS)
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("Task_Check")
						.name("Prüfen " + SCRIPT_IN_NAME)
						.camundaCandidateGroups("sachbearbeitung")
						.camundaFormRef("StoredXssForm")
						.camundaFormRefBinding("deployment")
						.endEvent()
						.done())
			.addString("StoredXssForm.form", form)
			.deploy()
			.getId();
		DemoRoster.as(this.engine, DemoRoster.ADMIN, DemoRoster.SOEST,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey(PROCESS,
							Variables.createVariables()
								.putValue("projectTitle", IMAGE_IN_TITLE)
								.putValue("remark", SCRIPT_IN_VARIABLE)));
		Filter filter = this.engine.getFilterService()
			.newTaskFilter(FILTER)
			.setQuery(this.engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS))
			.setProperties(Map.of("priority", -20));
		this.filterId = this.engine.getFilterService().saveFilter(filter).getId();
		org.camunda.bpm.engine.authorization.Authorization read = this.engine.getAuthorizationService()
			.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		read.setGroupId("sachbearbeitung");
		read.setResource(Resources.FILTER);
		read.setResourceId(this.filterId);
		read.addPermission(Permissions.READ);
		this.engine.getAuthorizationService().saveAuthorization(read);
	}

	@AfterEach
	void removeIt() {
		this.engine.getFilterService().deleteFilter(this.filterId);
		this.engine.getRepositoryService().deleteDeployment(this.deploymentId, true);
	}

	@Test
	void markupInATaskNameTitleAndVariableIsShownAsTextInTasklistAndNeverRuns() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);
			browser.until((driver) -> browser.text().contains(FILTER) ? true : null);
			browser.click(
					browser.waitFor(By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'" + FILTER + "')]")));
			browser.until((driver) -> browser.text().contains("Prüfen <script>") ? true : null);
			browser.screenshot("stored-xss-1-task-list");

			browser.click(browser.waitFor(By.xpath("//*[contains(@class,'task')]//a[contains(.,'Prüfen')]")));
			browser.until((driver) -> Boolean.TRUE.equals(browser.script(
					"return Array.from(document.querySelectorAll('.fjs-form input')).some(i => i.value.length > 0)"))
							? true : null);
			browser.screenshot("stored-xss-2-task-form");

			String text = browser.text();
			assertThat(text).as("the task name, with the project title, as text")
				.contains("Prüfen " + SCRIPT_IN_NAME + " – „" + IMAGE_IN_TITLE + "“");
			assertThat(text.split(java.util.regex.Pattern.quote(SCRIPT_IN_NAME), -1))
				.as("the name in the task list and in the task's header")
				.hasSizeGreaterThanOrEqualTo(3);
			assertThat(browser
				.script("return Array.from(document.querySelectorAll('.fjs-form input')).map(i => i.value).join('|')"))
				.as("the variable in the form field, as its value")
				.asString()
				.contains(SCRIPT_IN_VARIABLE);
			assertThat(browser.script("return [window.xssName, window.xssTitle, window.xssVariable]"))
				.as("none of the markup ran")
				.isEqualTo(java.util.Arrays.asList(null, null, null));
			assertThat(browser.script("return document.querySelectorAll('img[src=\"x\"], img[src=\"y\"]').length"))
				.as("no image element was created from the text")
				.isEqualTo(0L);
		}
	}

}
