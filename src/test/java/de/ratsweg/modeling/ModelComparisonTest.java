package de.ratsweg.modeling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import de.ratsweg.ProcessModels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What "Änderungen anzeigen" lists: the elements, rules and fields that were added,
 * removed or changed between the running version and the edited one, and nothing for a
 * diagram that was only moved around.
 */
class ModelComparisonTest {

	@Test
	void aRenamedTaskAnAddedTaskAndARemovedFlowInAProcess() throws IOException {
		String running = read("SmartCityProjectProcess.bpmn");
		String edited = running
			.replace("name=\"Projektorganisation aufsetzen\"", "name=\"Projektorganisation gründen\"")
			.replace("<bpmn:endEvent id=\"EndEvent_ProjectRejected\"",
					"<bpmn:userTask id=\"Task_InformThePress\" name=\"Presse informieren\" />\n"
							+ "    <bpmn:endEvent id=\"EndEvent_ProjectRejected\"")
			.replaceFirst("<bpmn:sequenceFlow id=\"SequenceFlow_IdeaRevised\"[^>]*/>", "");

		ModelChanges changes = ModelComparison.compare("SmartCityProjectProcess.bpmn", bytes(running), bytes(edited));

		assertThat(changes.changed()).extracting(ModelChanges.Change::id, ModelChanges.Change::kind)
			.contains(tuple("Task_SetUpProjectOrganisation", "Benutzeraufgabe"));
		assertThat(changes.changed()).filteredOn((change) -> change.id().equals("Task_SetUpProjectOrganisation"))
			.singleElement()
			.satisfies((change) -> assertThat(change.details())
				.containsExactly("Name: „Projektorganisation aufsetzen“ → „Projektorganisation gründen“"));
		assertThat(changes.added()).extracting(ModelChanges.Change::id, ModelChanges.Change::name)
			.containsExactly(tuple("Task_InformThePress", "Presse informieren"));
		assertThat(changes.removed()).extracting(ModelChanges.Change::id, ModelChanges.Change::kind)
			.containsExactly(tuple("SequenceFlow_IdeaRevised", "Sequenzfluss"));
	}

	@Test
	void aChangedDeadlineIsNamedWithItsOldAndNewValue() throws IOException {
		String running = read("SmartCityProjectProcess.bpmn");
		String edited = running.replaceFirst(
				"(id=\"Task_ReviseProjectIdea\"[^>]*camunda:dueDate=\")\\$\\{dateTime\\(\\).plusDays\\(14\\)",
				"$1\\${dateTime().plusDays(21)");

		ModelChanges changes = ModelComparison.compare("SmartCityProjectProcess.bpmn", bytes(running), bytes(edited));

		assertThat(changes.changed()).extracting(ModelChanges.Change::id).containsExactly("Task_ReviseProjectIdea");
		assertThat(changes.changed().get(0).details()).containsExactly(
				"camunda:dueDate: „${dateTime().plusDays(14).toDate()}“ → „${dateTime().plusDays(21).toDate()}“");
	}

	@Test
	void movingShapesOnTheDiagramIsNoChange() throws IOException {
		String running = read("SmartCityProjectProcess.bpmn");
		String moved = running.replaceAll("<dc:Bounds x=\"(\\d+)\"", "<dc:Bounds x=\"1$1\"");
		assertThat(moved).isNotEqualTo(running);

		assertThat(ModelComparison.compare("SmartCityProjectProcess.bpmn", bytes(running), bytes(moved)).isEmpty())
			.isTrue();
	}

	@Test
	void aReferenceSavedWithoutItsDefaultBindingIsNoChange() throws IOException {
		String running = read("SmartCityProjectProcess.bpmn");
		String saved = running.replace(" camunda:decisionRefBinding=\"latest\"", "");
		assertThat(saved).isNotEqualTo(running);

		assertThat(ModelComparison.compare("SmartCityProjectProcess.bpmn", bytes(running), bytes(saved)).isEmpty())
			.isTrue();
	}

	@Test
	void aChangedRuleOfADecisionTable() throws IOException {
		String running = read("CoSigningDepartmentsDecision.dmn");
		String edited = running.replaceFirst("(<rule id=\"[^\"]+\">\\s*(<description>[^<]*</description>\\s*)?"
				+ "<inputEntry id=\"[^\"]+\">\\s*<text>)([^<]*)(</text>)", "$1\"geändert\"$4");
		assertThat(edited).isNotEqualTo(running);

		ModelChanges changes = ModelComparison.compare("CoSigningDepartmentsDecision.dmn", bytes(running),
				bytes(edited));

		assertThat(changes.added()).isEmpty();
		assertThat(changes.removed()).isEmpty();
		assertThat(changes.changed()).singleElement().satisfies((change) -> {
			assertThat(change.kind()).isEqualTo("Regel");
			assertThat(change.details()).singleElement().asString().contains("\"geändert\"");
		});
	}

	@Test
	void aFormFieldWithANewLabelAndARemovedField() throws IOException {
		String running = read("CoSignProjectIdeaForm.form");
		String edited = running.replace("\"label\": \"Bedarfslücke\"",
				"\"label\": \"Welche Lücke schließt das Vorhaben?\"");
		assertThat(edited).isNotEqualTo(running);

		ModelChanges changes = ModelComparison.compare("CoSignProjectIdeaForm.form", bytes(running), bytes(edited));

		assertThat(changes.changed()).singleElement().satisfies((change) -> {
			assertThat(change.name()).isEqualTo("Welche Lücke schließt das Vorhaben?");
			assertThat(change.details())
				.containsExactly("Name: „Bedarfslücke“ → „Welche Lücke schließt das Vorhaben?“");
		});
	}

	private static String read(String name) throws IOException {
		return Files.readString(ProcessModels.FOLDER.resolve(name));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
