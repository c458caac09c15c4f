package de.ratsweg;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One step of a project done as a demo user would in Tasklist: the user sees exactly one
 * task of that kind in the project, takes it and submits its form.
 */
public final class ProjectWork {

	private ProjectWork() {
	}

	/** Claims and submits the user's one task of that kind in the project. */
	public static void work(ProcessEngine engine, String businessKey, String userId, String taskDefinitionKey,
			Map<String, Object> input) {
		List<Task> tasks = visibleTasks(engine, businessKey, userId).stream()
			.filter((task) -> task.getTaskDefinitionKey().equals(taskDefinitionKey))
			.toList();
		assertThat(tasks).as("%s sees the task %s", userId, taskDefinitionKey).hasSize(1);
		DemoRoster.as(engine, userId, () -> {
			engine.getTaskService().claim(tasks.get(0).getId(), userId);
			engine.getFormService()
				.submitTaskForm(tasks.get(0).getId(),
						(input instanceof VariableMap variables) ? variables : Variables.fromMap(input));
			return null;
		});
	}

	/** The project's tasks the user sees. */
	public static List<Task> visibleTasks(ProcessEngine engine, String businessKey, String userId) {
		return DemoRoster.as(engine, userId,
				() -> engine.getTaskService()
					.createTaskQuery()
					.processInstanceBusinessKey(businessKey)
					.listPage(0, 100));
	}

	/**
	 * A staff member submits the idea of a smart street lighting through the REST API, as
	 * Tasklist does; the project waits for the co-signing departments.
	 * @return the project's business key
	 */
	public static String ideaSubmittedBy(RestWork rest, String staff, String keyPrefix) {
		String businessKey = keyPrefix + "-" + System.nanoTime();
		Map<String, Object> started = rest
			.start(staff, "SmartCityProjectProcess", businessKey, ProjectIdeas.smartStreetLighting())
			.getBody();
		assertThat(started).as("%s starts a project", staff).containsKey("tenantId");
		return businessKey;
	}

	/** The project's one open task for the group. */
	public static String taskOfGroup(ProcessEngine engine, String businessKey, String group) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskCandidateGroup(group)
			.singleResult()
			.getId();
	}

}
