package de.ratsweg.browser;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.security.DemoRoster;
import de.ratsweg.tasklist.TaskFilters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thomas Schulz (treasury) co-signs a project idea with the keyboard alone: he logs in,
 * picks "Aufgaben meiner Gruppen", opens the task, claims it (the focus moves to his name
 * as the assignee), learns from the button before "Abschließen" what is missing, jumps
 * back with Ctrl+Alt+F, goes back to "Stellungnahme" with Shift+Tab, agrees and
 * completes. Only Tab, Shift+Tab, Enter, Space, Ctrl+Alt+F and typed text reach the
 * browser, as real key presses; every stop must show its focus with a frame of at least 2
 * px. A screenshot of each stop in {@code target/browser/keyboard-NN-*.png}.
 */
@RatswegSpringTest
class CoSigningByKeyboardTest {

	private static final String TITLE = "Digitale Sitzungsunterlagen";

	private static final int MOST_STOPS = 80;

	private final ProcessEngine engine;

	private final int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private Browser browser;

	private int stop;

	@Autowired
	CoSigningByKeyboardTest(ProcessEngine engine, @LocalServerPort int port) {
		this.engine = engine;
		this.port = port;
	}

	@Test
	void aTreasuryClerkCoSignsWithTheKeyboardAlone() {
		DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", "KEYS-" + System.nanoTime(),
							ProjectIdeas.smartStreetLighting(Map.of("projectTitle", TITLE))));
		try (Browser browser = Browser.open(this.port)) {
			this.browser = browser;
			browser.go("/camunda/app/tasklist/default/");
			browser.waitFor(By.cssSelector("form input[type='password']"));
			// the user name field has the focus when the page opens
			browser
				.until((driver) -> "text".equals(browser.script("return document.activeElement.type")) ? true : null);
			keys(DemoRoster.TREASURY);
			keys(Keys.TAB);
			shot("password");
			keys(DemoRoster.PASSWORD);
			keys(Keys.ENTER);
			browser.waitFor(
					By.xpath("//*[contains(@class,'task-filter')]//a[contains(.,'" + TaskFilters.GROUP_TASKS + "')]"));

			tabTo("filter", (focused) -> focused.getText().contains(TaskFilters.GROUP_TASKS));
			keys(Keys.ENTER);
			browser.waitFor(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(.,'" + TITLE + "')]"));

			tabTo("task", (focused) -> focused.getText().contains(TITLE));
			keys(Keys.ENTER);
			browser.waitFor(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]"));

			tabTo("claim", (focused) -> focused.getText().contains("Diese Aufgabe übernehmen"));
			keys(Keys.ENTER);
			new FormInBrowser(browser).shown();

			// the claim button is gone: Tasklist puts the focus on the new assignee's
			// name
			browser.until((driver) -> Boolean.TRUE.equals(
					browser.script("return !!document.activeElement.closest('[cam-tasklist-task-meta] .assignee');"))
							? true : null);
			shot("claimed");
			assertThat(focusFrame()).as("a visible focus on the assignee after claiming").isGreaterThanOrEqualTo(2.0);

			WebElement hint = tabTo("why-not-complete",
					(focused) -> "ratsweg-complete-hint".equals(focused.getDomAttribute("id")));
			assertThat(hint.getText()).contains("Noch auszufüllen: Stellungnahme");
			// "Zum ersten Feld des Aufgabenformulars"
			keys("f", Keys.CONTROL, Keys.ALT);
			assertThat(agree(browser.driver().switchTo().activeElement())).as("Ctrl+Alt+F reaches the form").isTrue();
			tabTo("why-not-complete-again", (focused) -> "ratsweg-complete-hint".equals(focused.getDomAttribute("id")));

			tabTo("statement", CoSigningByKeyboardTest::agree, Keys.SHIFT);
			keys(Keys.SPACE);
			shot("agreed");
			assertThat(browser.script("return document.activeElement.checked")).isEqualTo(true);

			tabTo("complete", (focused) -> focused.getText().trim().equals("Abschließen") && focused.isEnabled());
			keys(Keys.ENTER);
			browser.until((driver) -> coSigning() != null ? true : null);
			browser.until((driver) -> String
				.valueOf(browser.script("return document.getElementById('ratsweg-announcer').textContent"))
				.contains("Aufgabe abgeschlossen") ? true : null);
			shot("completed");
			assertThat(browser.script("return document.activeElement === document.body"))
				.as("after completing, the focus stays on the page's content")
				.isEqualTo(false);
		}
		HistoricTaskInstance coSigning = coSigning();
		assertThat(coSigning.getAssignee()).isEqualTo(DemoRoster.TREASURY);
		assertThat(this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(coSigning.getProcessInstanceId())
			.variableName("statement")
			.includeDeleted()
			.list()).extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getValue)
			.containsExactly("agreed");
	}

	/** Whether the element is the radio button "Zugestimmt". */
	private static boolean agree(WebElement element) {
		return "radio".equals(element.getDomAttribute("type"))
				&& "Zugestimmt".equals(element.findElement(By.xpath("..")).getText().trim());
	}

	/**
	 * Presses Tab (with Shift: backwards) until the focused element is the one looked
	 * for.
	 */
	private WebElement tabTo(String name, Predicate<WebElement> wanted, Keys... held) {
		for (int i = 0; i < MOST_STOPS; i++) {
			keys(Keys.TAB, held);
			WebElement focused = this.browser.driver().switchTo().activeElement();
			assertThat(focused.getTagName()).as("focus left the page's content (a trap or a lost focus)")
				.isNotEqualTo("body");
			assertThat(focusFrame()).as("a visible focus on " + describe(focused)).isGreaterThanOrEqualTo(2.0);
			if (wanted.test(focused)) {
				shot(name);
				return focused;
			}
		}
		throw new AssertionError("Not reached with " + MOST_STOPS + " key presses: " + name);
	}

	/** Presses the key (or types the text) while holding the modifier keys. */
	private void keys(CharSequence key, Keys... held) {
		Actions actions = new Actions(this.browser.driver());
		for (Keys modifier : held) {
			actions.keyDown(modifier);
		}
		actions.sendKeys(key);
		for (int i = held.length - 1; i >= 0; i--) {
			actions.keyUp(held[i]);
		}
		actions.perform();
		shot(null);
	}

	private void shot(String name) {
		this.stop++;
		String focused = String.valueOf(this.browser.script(
				"const e = document.activeElement; return (e.getAttribute('aria-label') || e.innerText || e.value || e.type || e.tagName).trim().slice(0, 30);"));
		this.browser.screenshot(String.format("keyboard-%02d-%s", this.stop,
				(name != null ? name : focused).replaceAll("[^A-Za-z0-9äöüÄÖÜß]+", "-")));
	}

	/** The width of the focused element's outline (or of its frame, for form fields). */
	private double focusFrame() {
		Object width = this.browser.script("""
				const style = getComputedStyle(document.activeElement);
				return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
				""");
		return ((Number) width).doubleValue();
	}

	private String describe(WebElement element) {
		return element.getTagName() + " '" + element.getText() + "'";
	}

	private HistoricTaskInstance coSigning() {
		List<HistoricTaskInstance> tasks = this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskDefinitionKey("Task_CoSignProjectIdea")
			.taskAssignee(DemoRoster.TREASURY)
			.finished()
			.list()
			.stream()
			.filter((task) -> this.engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult()
				.getBusinessKey()
				.startsWith("KEYS-"))
			.toList();
		return tasks.isEmpty() ? null : tasks.get(0);
	}

}
