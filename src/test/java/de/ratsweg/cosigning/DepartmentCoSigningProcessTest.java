package de.ratsweg.cosigning;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.engine.TaskInputException;
import de.ratsweg.forms.FormText;

import static de.ratsweg.cosigning.DepartmentCoSigning.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * "Mitzeichnung der Fachabteilungen": every department involved co-signs the project idea
 * in parallel; the decision table adds the treasury, IT and data protection where needed.
 */
class DepartmentCoSigningProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, PROCESS_KEY + ".bpmn", DECISION_KEY + ".dmn")
		.withBean("coSigning", new CoSigning());

	@Test
	void everyRequiredAndInvolvedDepartmentCoSignsExceptTheLeadUnit() {
		ProcessInstance coSigning = startCoSigning();

		assertThat(coSigning).isWaitingAt(CO_SIGN);
		assertThat(candidateGroups()).containsExactlyInAnyOrder("kaemmerei", "fb-it", "datenschutz", "fb-umwelt");
		Task treasuryTask = taskFor("kaemmerei");
		assertThat(treasuryTask).hasName("Projektidee mitzeichnen – „Smarte Straßenbeleuchtung“");
		assertThat(treasuryTask.getDueDate()).isCloseTo(inDays(10), Duration.ofMinutes(1).toMillis());
	}

	@Test
	void eachDepartmentIsToldWhyItCoSigns() {
		ProcessInstance coSigning = startCoSigning();

		assertThat(coSigning).variables()
			.containsEntry(REASONS,
					"""
							- **Kämmerei**: Das Vorhaben kostet Geld \\(geschätzte Kosten über 0 EUR\\)
							- **Fachbereich IT und Digitalisierung**: Das Vorhaben ist eine digitale Lösung
							- **Datenschutz**: Das Vorhaben verarbeitet personenbezogene Daten
							- **Fachbereich Umwelt**: Handlungsfeld „Klima und Nachhaltigkeit“; von der federführenden Stelle benannt""")
			.containsEntry(REASONS_BY_DEPARTMENT,
					List.of(Map.of("department", "kaemmerei", "name", "Kämmerei", "reasons",
							List.of("Das Vorhaben kostet Geld (geschätzte Kosten über 0 EUR)")),
							Map.of("department", "fb-it", "name", "Fachbereich IT und Digitalisierung", "reasons",
									List.of("Das Vorhaben ist eine digitale Lösung")),
							Map.of("department", "datenschutz", "name", "Datenschutz", "reasons",
									List.of("Das Vorhaben verarbeitet personenbezogene Daten")),
							Map.of("department", "fb-umwelt", "name", "Fachbereich Umwelt", "reasons",
									List.of("Handlungsfeld „Klima und Nachhaltigkeit“", NAMED_BY_LEAD_UNIT))))
			.doesNotContainKey("coSigningMatchedRules");
	}

	@Test
	void aDepartmentTheTableDoesNotRequireCoSignsBecauseTheLeadUnitNamedIt() {
		ProcessInstance coSigning = startCoSigning(Map.of("estimatedCost", 0, "digitalSolution", false, "personalData",
				false, "focusArea", "education", "involvedDepartments",
				org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"fb-it\"]").create()));

		assertThat(candidateGroups()).containsExactly("fb-it");
		assertThat(coSigning).variables()
			.containsEntry(REASONS, "- **Fachbereich IT und Digitalisierung**: von der federführenden Stelle benannt");
	}

	@Test
	@SuppressWarnings("unchecked")
	void objectionsAreCollectedAndShownToTheBoardFirst() {
		ProcessInstance coSigning = startCoSigning();

		complete(taskFor("kaemmerei"), withVariables(STATEMENT, AGREED));
		complete(taskFor("fb-it"),
				withVariables(STATEMENT, AGREED_WITH_REMARKS, STATEMENT_TEXT, "Betrieb durch die Stadtwerke klären"));
		complete(taskFor("datenschutz"),
				withVariables(STATEMENT, OBJECTION, STATEMENT_TEXT, "Kameras nur ohne Personenbezug"));
		complete(taskFor("fb-umwelt"), withVariables(STATEMENT, AGREED));

		assertThat(coSigning).isEnded().hasPassed("ServiceTask_SummariseStatements", END_COMPLETED);
		String summary = (String) historicVariable(coSigning, SUMMARY);
		assertThat(summary).startsWith("- **Datenschutz**: Einwand – Kameras nur ohne Personenbezug")
			.contains(
					"- **Fachbereich IT und Digitalisierung**: zugestimmt mit Anmerkungen – Betrieb durch die Stadtwerke klären")
			.contains("- **Kämmerei**: zugestimmt");
		assertThat((List<Object>) historicVariable(coSigning, OBJECTIONS))
			.containsExactly("Datenschutz: Kameras nur ohne Personenbezug");
		assertThat((List<Object>) historicVariable(coSigning, STATEMENTS)).hasSize(4);
	}

	@Test
	void aStatementIsShownAsTypedNeverAsLinkMarkupOrHtml() {
		assertThat(FormText.plain("[Hier](https://evil.example) <img src=x onerror=alert(1)> *fett*\n# Titel"))
			.isEqualTo(
					"\\[Hier\\]\\(https:/\u200B/evil.example\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\*fett\\* \\# Titel");
		assertThat(FormText.plain("Siehe www.soest.de, http://soest.de und info@soest.de"))
			.as("bare addresses are not turned into links either")
			.isEqualTo("Siehe www\u200B.soest.de, http:/\u200B/soest.de und info@\u200Bsoest.de");
	}

	@Test
	void anObjectionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
		startCoSigning();
		Task dataProtection = taskFor("datenschutz");

		assertThatThrownBy(() -> complete(dataProtection, withVariables(STATEMENT, OBJECTION)))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("„Begründung / Anmerkungen“ fehlt.");

		assertThat(taskQuery().taskId(dataProtection.getId()).singleResult()).isNotNull();
	}

	@Test
	void atTheDeadlineTheMissingDepartmentsAreReminded() {
		ProcessInstance coSigning = startCoSigning();
		complete(taskFor("kaemmerei"), withVariables(STATEMENT, AGREED));

		execute(job(DEADLINE, coSigning));

		assertThat(coSigning).hasPassed(REMIND, "EndEvent_ReminderSent").isWaitingAt(CO_SIGN);
		assertThat(coSigning).variables()
			.containsEntry(REMINDERS, 1)
			.containsEntry(MISSING, "Fachbereich IT und Digitalisierung, Datenschutz, Fachbereich Umwelt");
	}

	@Test
	void afterTheSecondDeadlineTheLeadUnitFollowsUpAndTheCoSigningStillCompletes() {
		ProcessInstance coSigning = startCoSigning();
		complete(taskFor("kaemmerei"), withVariables(STATEMENT, AGREED));

		execute(job(ESCALATION, coSigning));

		Task followUp = taskQuery().taskDefinitionKey(FOLLOW_UP).singleResult();
		assertThat(followUp).hasCandidateGroup("fb-stadtentwicklung");
		assertThat(coSigning).variables()
			.containsEntry(MISSING, "Fachbereich IT und Digitalisierung, Datenschutz, Fachbereich Umwelt");
		complete(followUp, withVariables(FOLLOW_UP_DECISION, "wait", "followUpNote", "Telefonisch nachgefragt"));
		assertThat(coSigning).hasPassed("EndEvent_MissingStatementsFollowedUp");

		for (String department : List.of("fb-it", "datenschutz", "fb-umwelt")) {
			complete(taskFor(department), withVariables(STATEMENT, AGREED));
		}
		assertThat(coSigning).isEnded().hasPassed(END_COMPLETED);
	}

	@Test
	void afterTheSecondDeadlineTheLeadUnitMayCloseWithoutTheMissingStatements() {
		ProcessInstance coSigning = startCoSigning();
		complete(taskFor("kaemmerei"), withVariables(STATEMENT, OBJECTION, STATEMENT_TEXT, "Folgekosten fehlen"));
		execute(job(ESCALATION, coSigning));

		complete(taskQuery().taskDefinitionKey(FOLLOW_UP).singleResult(), withVariables(FOLLOW_UP_DECISION, "close",
				"followUpNote", "Die Sitzung des Verwaltungsvorstands ist am Montag"));

		assertThat(coSigning).isEnded().hasPassed(CLOSE_WITHOUT_MISSING, END_CLOSED).hasNotPassed(END_COMPLETED);
		assertThat(taskQuery().taskDefinitionKey(CO_SIGN).count()).isZero();
		assertThat((String) historicVariable(coSigning, SUMMARY))
			.startsWith("- **Kämmerei**: Einwand – Folgekosten fehlen")
			.contains("- **Datenschutz**: keine Stellungnahme bis zur Frist");
	}

	@Test
	void whenTheLastStatementArrivesAnOpenFollowUpIsNoLongerNeeded() {
		ProcessInstance coSigning = startCoSigning();
		execute(job(ESCALATION, coSigning));

		for (String department : List.of("kaemmerei", "fb-it", "datenschutz", "fb-umwelt")) {
			complete(taskFor(department), withVariables(STATEMENT, AGREED));
		}

		assertThat(coSigning).isEnded();
		assertThat(taskQuery().taskDefinitionKey(FOLLOW_UP).count()).isZero();
	}

	@Test
	void theDeadlineCanBeSetPerInstance() {
		startCoSigning(Map.of(DAYS, 3));

		assertThat(taskFor("kaemmerei").getDueDate()).isCloseTo(inDays(3), Duration.ofMinutes(1).toMillis());
	}

	private ProcessInstance startCoSigning() {
		return startCoSigning(Map.of());
	}

	private ProcessInstance startCoSigning(Map<String, Object> extra) {
		return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "soest-2026-001",
				ProjectIdeas.smartStreetLighting(extra));
	}

	private static Task taskFor(String group) {
		return taskQuery().taskDefinitionKey(CO_SIGN).taskCandidateGroup(group).singleResult();
	}

	private static List<String> candidateGroups() {
		return taskQuery().taskDefinitionKey(CO_SIGN)
			.list()
			.stream()
			.flatMap((task) -> engine.getProcessEngine()
				.getTaskService()
				.getIdentityLinksForTask(task.getId())
				.stream()
				.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId))
			.toList();
	}

	private static Object historicVariable(ProcessInstance instance, String name) {
		return engine.getProcessEngine()
			.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(name)
			.singleResult()
			.getValue();
	}

	private static Date inDays(int days) {
		return Date.from(Instant.now().plus(Duration.ofDays(days)));
	}

}
