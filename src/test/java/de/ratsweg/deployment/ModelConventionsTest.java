package de.ratsweg.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.ratsweg.ProcessModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratsweg's model rules hold for every process of the folder, and a model that breaks
 * them is told so in German at the element.
 */
class ModelConventionsTest {

	@Test
	void everyProcessOfTheFolderFollowsTheRules() throws IOException {
		List<ModelFile> files = ModelFile.readAll(ProcessModels.FOLDER);
		Set<String> forms = Set
			.copyOf(files.stream().filter(ModelFile::isForm).map((file) -> file.name().replace(".form", "")).toList());
		List<ModelFile> processes = files.stream().filter((file) -> file.name().endsWith(".bpmn")).toList();

		assertThat(processes).hasSizeGreaterThanOrEqualTo(6);
		for (ModelFile process : processes) {
			assertThat(ModelConventions.check(process, forms)).as(process.name()).isEmpty();
		}
	}

	@Test
	void aLooseUnnamedTaskWithoutFormAndAProcessWithoutHistoryTimeToLive() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
				xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Loose" \
				targetNamespace="http://ratsweg.de/processes">
				  <bpmn:process id="LooseProcess" isExecutable="true">
				    <bpmn:startEvent id="StartEvent_Started" name="Begonnen">
				      <bpmn:outgoing>Flow_1</bpmn:outgoing>
				    </bpmn:startEvent>
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="EndEvent_Done" />
				    <bpmn:endEvent id="EndEvent_Done" name="Erledigt">
				      <bpmn:incoming>Flow_1</bpmn:incoming>
				    </bpmn:endEvent>
				    <bpmn:userTask id="Task_Loose" camunda:formRef="MissingForm" camunda:formRefBinding="deployment" />
				  </bpmn:process>
				</bpmn:definitions>
				""";

		List<ModelFinding> findings = ModelConventions
			.check(new ModelFile("LooseProcess.bpmn", model.getBytes(StandardCharsets.UTF_8)), Set.of());

		assertThat(findings).extracting(ModelFinding::elementId, ModelFinding::message)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("LooseProcess",
							"Der Prozess sagt nicht, wie lange seine Historie aufbewahrt wird "
									+ "(„History Time To Live“ im Bereich „History cleanup“)."),
					org.assertj.core.groups.Tuple.tuple("Task_Loose",
							"„Task_Loose“ hat keinen eingehenden Sequenzfluss und wird nie erreicht."),
					org.assertj.core.groups.Tuple.tuple("Task_Loose",
							"„Task_Loose“ hat keinen ausgehenden Sequenzfluss; hier bliebe das Vorhaben stehen."),
					org.assertj.core.groups.Tuple.tuple("Task_Loose",
							"Das Element Task_Loose hat keinen Namen; Sachbearbeitung und Übersicht zeigen ihn."),
					org.assertj.core.groups.Tuple.tuple("Task_Loose",
							"Das Formular „MissingForm“ der Benutzeraufgabe „Task_Loose“ gibt es im Ordner processes/ nicht."),
					org.assertj.core.groups.Tuple.tuple("Task_Loose",
							"Die Benutzeraufgabe „Task_Loose“ hat keine Frist (Due date)."));
	}

}
