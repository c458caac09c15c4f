package de.ratsweg.browser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import de.ratsweg.RatswegApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tasklist 7.24 (form-js) really submits for read-only fields of every kind, set and
 * unset: the browser's request is recorded and must be what
 * {@code forms/tasklist-read-only-submissions.json} says (the representations the form
 * guard is written and unit-tested against), and the guard must accept it and keep every
 * stored value as it was (an unset one unset, a Date a Date).
 */
@SpringBootTest(classes = RatswegApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ReadOnlyFieldsInTasklistTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ProcessEngine engine;

	private final ApplicationContext context;

	private final int port;

	private String deploymentId;

	@Autowired
	ReadOnlyFieldsInTasklistTest(ProcessEngine engine, ApplicationContext context, @LocalServerPort int port) {
		this.engine = engine;
		this.context = context;
		this.port = port;
	}

	@BeforeEach
	void deployTheFormWithEveryKindOfReadOnlyField() {
		DemoRoster.createIn(this.context);
		this.deploymentId = this.engine.getRepositoryService()
			.createDeployment()
			.name("read-only-fields")
			.tenantId(DemoRoster.SOEST)
			.addClasspathResource("forms/ReadOnlyFieldsProcess.bpmn")
			.addClasspathResource("forms/ReadOnlyFieldsForm.form")
			.deploy()
			.getId();
	}

	@AfterEach
	void undeploy() {
		this.engine.getRepositoryService().deleteDeployment(this.deploymentId, true);
	}

	@Test
	void readOnlyFieldsComeBackAsRecordedAndTheStoredValuesStay() throws IOException {
		JsonNode recorded = resource("/forms/tasklist-read-only-submissions.json");
		ProcessInstance set = start(recorded.path("set").path("stored"));
		ProcessInstance unset = start(recorded.path("unset").path("stored"));

		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);
			browser.waitFor(By.xpath("//*[contains(@class,'filters')]//a"));
			for (Map.Entry<String, ProcessInstance> instance : Map.of("set", set, "unset", unset).entrySet()) {
				JsonNode submitted = submitInTheBrowser(browser, instance.getKey(), instance.getValue());
				assertThat(submitted).as("what Tasklist sends for the %s fields", instance.getKey())
					.isEqualTo(recorded.path(instance.getKey()).path("submitted"));
			}
		}

		assertThat(stored(set)).containsEntry("roText", "Hallo")
			.containsEntry("roNumber", 40000)
			.containsEntry("roDecimal", 1234.5)
			.containsEntry("roDate", "2026-12-17")
			.containsEntry("roCheckbox", true)
			.containsEntry("note", "gesehen")
			.hasEntrySatisfying("roDateTyped", (value) -> assertThat(value).isInstanceOf(Date.class));
		assertThat(stored(unset).keySet()).as("unset stays unset: no empty texts, no false, no []")
			.filteredOn((name) -> name.startsWith("ro"))
			.isEmpty();
	}

	private JsonNode submitInTheBrowser(Browser browser, String variant, ProcessInstance instance) throws IOException {
		Task task = this.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		browser.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
		browser
			.click(browser.waitFor(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]")));
		FormInBrowser form = new FormInBrowser(browser).shown();
		form.type("Notiz", "gesehen");
		browser
			.script("""
					if (window.ratswegSubmitted) { window.ratswegSubmitted = []; return; }
					window.ratswegSubmitted = [];
					const open = XMLHttpRequest.prototype.open;
					const send = XMLHttpRequest.prototype.send;
					XMLHttpRequest.prototype.open = function (method, url) { this.ratswegUrl = url; return open.apply(this, arguments); };
					XMLHttpRequest.prototype.send = function (body) {
					  if (String(this.ratswegUrl).includes('/submit-form')) { window.ratswegSubmitted.push(body); }
					  return send.apply(this, arguments);
					};
					""");
		browser.screenshot("read-only-fields-" + variant);
		form.complete();
		browser.until((driver) -> this.engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0
				? true : null);
		@SuppressWarnings("unchecked")
		List<String> bodies = (List<String>) browser.script("return window.ratswegSubmitted;");
		assertThat(bodies).as("one submission").hasSize(1);
		return JSON.readTree(bodies.get(0));
	}

	private ProcessInstance start(JsonNode stored) {
		VariableMap variables = Variables.createVariables();
		stored.fields().forEachRemaining((entry) -> {
			JsonNode variable = entry.getValue();
			String name = entry.getKey();
			switch (variable.path("type").asText()) {
				case "Integer" -> variables.putValue(name, variable.path("value").asInt());
				case "Double" -> variables.putValue(name, variable.path("value").asDouble());
				case "Boolean" -> variables.putValue(name, variable.path("value").asBoolean());
				case "Json" -> variables.putValueTyped(name,
						org.camunda.spin.plugin.variable.SpinValues.jsonValue(variable.path("value").asText())
							.create());
				case "Date" -> variables.putValue(name,
						Date.from(java.time.OffsetDateTime
							.parse(variable.path("value").asText(),
									java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
							.toInstant()));
				default -> variables.putValue(name, variable.path("value").asText());
			}
		});
		return this.engine.getRuntimeService()
			.createProcessInstanceByKey("ReadOnlyFieldsProcess")
			.processDefinitionTenantId(DemoRoster.SOEST)
			.setVariables(variables)
			.execute();
	}

	private Map<String, Object> stored(ProcessInstance instance) {
		Map<String, Object> values = new java.util.HashMap<>();
		for (HistoricVariableInstance variable : this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()) {
			values.put(variable.getName(), variable.getValue());
		}
		return values;
	}

	private static JsonNode resource(String name) throws IOException {
		try (InputStream in = ReadOnlyFieldsInTasklistTest.class.getResourceAsStream(name)) {
			return JSON.readTree(in);
		}
	}

}
