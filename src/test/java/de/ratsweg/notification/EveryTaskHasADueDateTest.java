package de.ratsweg.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import de.ratsweg.ProcessModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders and escalations hang on due dates: every user task of every model in
 * {@code processes/} has one.
 */
class EveryTaskHasADueDateTest {

	@Test
	void everyUserTaskOfEveryModelHasADueDate() throws IOException {
		List<String> withoutDueDate;
		try (Stream<Path> files = Files.walk(ProcessModels.FOLDER)) {
			withoutDueDate = files.filter((file) -> file.toString().endsWith(".bpmn"))
				.flatMap((file) -> Bpmn.readModelFromFile(file.toFile())
					.getModelElementsByType(UserTask.class)
					.stream()
					.filter((task) -> task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank())
					.map((task) -> file.getFileName() + ": " + task.getId()))
				.toList();
		}
		assertThat(withoutDueDate).isEmpty();
	}

}
