package de.ratsweg.browser;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.TestMailServer;
import de.ratsweg.security.DemoRoster;
import de.ratsweg.tasklist.TaskFilters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day in Tasklist, in headless Chromium: Maria Müller (staff, Soest) starts a
 * "Smart-City-Vorhaben" with its form; after the departments have co-signed and the board
 * office has asked for a vote by circulation, Bernd Schneider (board) finds his vote
 * under "Offene Freigaben des Verwaltungsvorstands", claims it and approves. Screenshots
 * of each step in {@code target/browser/board-approval-*.png}.
 */
@RatswegSpringTest
class BoardApprovalInTasklistTest {

	private static final String TITLE = "Digitale Parkraumsteuerung";

	private final ProcessEngine engine;

	private final int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	BoardApprovalInTasklistTest(ProcessEngine engine, @LocalServerPort int port) {
		this.engine = engine;
		this.port = port;
	}

	@Test
	void staffStartsAProjectInTasklistAndABoardMemberApprovesItThroughTheBoardFilter() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);
			browser.until((driver) -> browser.text().contains(TaskFilters.GROUP_TASKS) ? true : null);
			assertThat(browser.text()).contains(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS, TaskFilters.OVERDUE)
				.doesNotContain(TaskFilters.BOARD_APPROVALS);
			browser.screenshot("board-approval-1-staff-tasklist");

			startSmartCityProject(browser);
			browser.until((driver) -> processOf(TITLE) != null ? true : null);
			browser.screenshot("board-approval-3-started");
			logOut(browser);

			ProcessInstance project = processOf(TITLE);
			assertThat(project.getTenantId()).isEqualTo(DemoRoster.SOEST);
			theDepartmentsCoSignAndTheBoardOfficeAsksForAVoteByCirculation();

			browser.logIn("tasklist", DemoRoster.BOARD_MEMBER, DemoRoster.PASSWORD);
			browser.waitFor(By
				.xpath("//*[contains(@class,'filters')]//*[contains(text(),'" + TaskFilters.BOARD_APPROVALS + "')]"));
			// The link in his mail opens the same task.
			browser.go(linkInTheMailTo(DemoRoster.BOARD_MEMBER));
			browser.until((driver) -> browser.text().contains("Diese Aufgabe übernehmen") ? true : null);
			assertThat(browser.text()).contains("Im Umlaufverfahren abstimmen – „" + TITLE + "“");
			browser.screenshot("board-approval-5-link-in-mail");

			browser.click(browser.waitFor(By
				.xpath("//*[contains(@class,'filters')]//*[contains(text(),'" + TaskFilters.BOARD_APPROVALS + "')]")));
			WebElement vote = browser
				.waitFor(By.xpath("//*[contains(@class,'task')]//a[contains(.,'Im Umlaufverfahren abstimmen')]"));
			assertThat(browser.text()).contains("„" + TITLE + "“", "Stadt Soest");
			browser.screenshot("board-approval-6-board-filter");

			browser.click(vote);
			WebElement claim = browser
				.waitFor(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]"));
			browser.click(claim);
			browser.waitFor(By.cssSelector(".fjs-form input[type='radio']"));
			browser.until((driver) -> Boolean.TRUE.equals(browser.script(
					"const r = document.querySelector(\".fjs-form input[type='radio']\"); return !!r && !r.disabled;"))
							? true : null);
			browser.click(browser.waitFor(By.xpath("//label[contains(.,'Freigeben')]/input[@type='radio'] | "
					+ "//label[contains(.,'Freigeben')]/preceding-sibling::input[@type='radio'] | "
					+ "//input[@type='radio'][following-sibling::label[contains(.,'Freigeben')]]")));
			browser
				.script("document.querySelector(\".fjs-form input[type='radio']\").scrollIntoView({block: 'center'});");
			browser.screenshot("board-approval-7-vote");
			browser.click(browser.waitFor(By.xpath("//button[contains(.,'Abschließen')]")));
			browser.until((driver) -> voteOf(DemoRoster.BOARD_MEMBER, project) != null ? true : null);
			browser.screenshot("board-approval-8-approved");
		}
		ProcessInstance project = processOf(TITLE);
		HistoricTaskInstance vote = voteOf(DemoRoster.BOARD_MEMBER, project);
		assertThat(vote.getAssignee()).as("claimed by the board member himself").isEqualTo(DemoRoster.BOARD_MEMBER);
		assertThat(vote.getDeleteReason()).isEqualTo("completed");
		assertThat(this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(vote.getProcessInstanceId())
			.variableName("vote")
			.includeDeleted()
			.list()).as("his vote as he gave it in the form")
			.extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getValue)
			.containsExactly("approved");
	}

	private void startSmartCityProject(Browser browser) {
		browser.click(browser
			.waitFor(By.xpath("//a[contains(.,'Prozess starten')] | //button[contains(.,'Prozess starten')]")));
		browser.click(browser.waitFor(By.xpath("//*[contains(@class,'modal')]//a[contains(.,'Smart-City-Vorhaben')]")));
		browser.waitFor(By.cssSelector("[id$='-Field_projectTitle']"));
		type(browser, "Field_projectTitle", TITLE);
		type(browser, "Field_needGap", "Parksuchverkehr belastet die Innenstadt jeden Tag.");
		type(browser, "Field_needAudience", "Pendlerinnen, Pendler und Handel");
		type(browser, "Field_strategicPurpose", "Weniger Verkehr und Emissionen in der Altstadt.");
		choose(browser, "Handlungsfeld", "Mobilität");
		choose(browser, "Federführende Stelle", "Fachbereich Stadtentwicklung");
		browser.click(browser.waitFor(By.xpath("//label[contains(.,'Digitale Lösung')]//input | "
				+ "//input[@type='checkbox'][following-sibling::*[contains(.,'Digitale Lösung')]]")));
		type(browser, "Field_estimatedCost", "180000");
		choose(browser, "Gewünschte Finanzierung", "Förderprogramm");
		type(browser, "Field_workPackages", "Sensorik ausschreiben: 8 Wochen\nPilot in der Altstadt: 20 Wochen");
		browser.screenshot("board-approval-2-start-form");
		browser.click(browser.waitFor(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Start']")));
	}

	/**
	 * Types into a form-js field and leaves it, as a user does (through the events a
	 * keyboard causes: this headless Chromium does not deliver typed keys into Tasklist's
	 * dialog). Tasklist may still be loading the form into the dialog: typed again until
	 * the text stays.
	 */
	private static void type(Browser browser, String field, String text) {
		By locator = By.cssSelector("[id$='-" + field + "']");
		browser.until((driver) -> {
			WebElement input = driver.findElement(locator);
			if (text.equals(input.getDomProperty("value"))) {
				return true;
			}
			browser.script("""
					const field = arguments[0];
					const prototype = Object.getPrototypeOf(field);
					Object.getOwnPropertyDescriptor(prototype, 'value').set.call(field, arguments[1]);
					field.dispatchEvent(new Event('input', { bubbles: true }));
					field.dispatchEvent(new Event('change', { bubbles: true }));
					field.dispatchEvent(new FocusEvent('blur', { bubbles: false }));
					field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
					""", input, text);
			return null;
		});
	}

	/** A form-js select: opens on mouse-down, an option is taken on mouse-down. */
	private static void choose(Browser browser, String label, String option) {
		browser.script("""
				const field = [...document.querySelectorAll('.fjs-form-field')]
				  .find(f => f.querySelector('label') && f.querySelector('label').textContent.includes(arguments[0]));
				const display = field.querySelector('.fjs-select-display') || field.querySelector('.fjs-input-group');
				display.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
				""", label);
		WebElement item = browser
			.waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"));
		browser.script("arguments[0].dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));", item);
		browser.until((driver) -> Boolean.TRUE.equals(browser.script("""
				const field = [...document.querySelectorAll('.fjs-form-field')]
				  .find(f => f.querySelector('label') && f.querySelector('label').textContent.includes(arguments[0]));
				return field.textContent.includes(arguments[1]);
				""", label, option)) ? true : null);
	}

	private static void logOut(Browser browser) {
		browser.logOut();
		browser.screenshot("board-approval-4-logged-out");
	}

	private void theDepartmentsCoSignAndTheBoardOfficeAsksForAVoteByCirculation() {
		for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.URBAN_DEVELOPMENT)) {
			for (Task task : visible(user, "Task_CoSignProjectIdea")) {
				DemoRoster.as(this.engine, user, () -> {
					this.engine.getFormService().submitTaskForm(task.getId(), Map.of("statement", "agreed"));
					return null;
				});
			}
		}
		Task prepare = visible(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem").get(0);
		DemoRoster.as(this.engine, DemoRoster.BOARD_OFFICE, () -> {
			this.engine.getFormService()
				.submitTaskForm(prepare.getId(), Map.of("agendaSummary", "Parkraumsteuerung in der Altstadt",
						"decisionMode", "circulation", "votingDays", 5));
			return null;
		});
	}

	/**
	 * Sends the queued mails to the user (the test mail server keeps them) and returns
	 * the task link of the newest, as a path on this server.
	 */
	private String linkInTheMailTo(String user) {
		for (org.camunda.bpm.engine.runtime.Job job : this.engine.getManagementService().createJobQuery().list()) {
			org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity = (org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job;
			if ("ratsweg-mail".equals(entity.getJobHandlerType())
					&& entity.getJobHandlerConfigurationRaw().endsWith("|" + user)) {
				this.engine.getManagementService().executeJob(job.getId());
			}
		}
		String link = null;
		try {
			for (jakarta.mail.internet.MimeMessage mail : TestMailServer.received()) {
				if (mail.getAllRecipients()[0].toString().startsWith(user + "@") && mail.getSubject().contains(TITLE)) {
					java.util.regex.Matcher found = java.util.regex.Pattern
						.compile("http://localhost:8080(/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+)")
						.matcher(mail.getContent().toString());
					if (found.find()) {
						link = found.group(1);
					}
				}
			}
		}
		catch (jakarta.mail.MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(link).as("a mail to %s with the link to the task", user).isNotNull();
		return link;
	}

	private List<Task> visible(String user, String taskKey) {
		return DemoRoster.as(this.engine, user,
				() -> this.engine.getTaskService()
					.createTaskQuery()
					.taskDefinitionKey(taskKey)
					.processVariableValueEquals("projectTitle", TITLE)
					.listPage(0, 10));
	}

	private ProcessInstance processOf(String title) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("SmartCityProjectProcess")
			.variableValueEquals("projectTitle", title)
			.singleResult();
	}

	private HistoricTaskInstance voteOf(String member, ProcessInstance project) {
		return this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskDefinitionKey("Task_VoteOnProjectIdea")
			.taskAssignee(member)
			.finished()
			.rootProcessInstanceId(project.getId())
			.singleResult();
	}

}
