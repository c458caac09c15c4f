package de.ratsweg.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;

import org.springframework.stereotype.Component;

/**
 * The task list filter every user starts with: without a filter, Tasklist shows no tasks
 * at all. "Meine Aufgaben" lists every task the user may work on; the engine's
 * authorization checks decide which those are (assignee, candidate user or member of a
 * candidate group).
 */
@Component
public class TaskFilters {

	static final String MY_TASKS = "Meine Aufgaben";

	private final FilterService filterService;

	private final TaskService taskService;

	TaskFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	/**
	 * Creates the filter once (found again by its name).
	 * @return the filter's id, for granting read access
	 */
	public String ensureMyTasks() {
		Filter existing = this.filterService.createFilterQuery().filterName(MY_TASKS).singleResult();
		if (existing != null) {
			return existing.getId();
		}
		Filter filter = this.filterService.newTaskFilter(MY_TASKS)
			.setQuery(this.taskService.createTaskQuery())
			.setProperties(Map.of("description", "Alle Aufgaben, die Sie bearbeiten dürfen", "priority", -10, "color",
					"#b5152b", "refresh", true));
		return this.filterService.saveFilter(filter).getId();
	}

}
