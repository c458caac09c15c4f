package de.ratsweg.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;

/**
 * The task list filters of Tasklist, one definition for all of them: without a filter,
 * Tasklist shows no tasks at all. Each filter lists only what the engine's authorizations
 * let the user see (tasks of their municipality, for which they are assignee or
 * candidate); the filter narrows that down to one kind of work. Every filter shows the
 * same columns ({@link TaskColumns}): Vorhaben, Stadt, Kosten, Frist.
 *
 * <p>
 * {@link #ensure()} runs on every start and brings the filters in the database in step
 * with these definitions: found by name, changed where they differ, duplicates removed.
 */
@Component
public class TaskFilters {

	public static final String MY_TASKS = "Meine Aufgaben";

	public static final String GROUP_TASKS = "Aufgaben meiner Gruppen";

	public static final String BOARD_APPROVALS = "Offene Freigaben des Verwaltungsvorstands";

	public static final String COMMITTEE_CONSULTATIONS = "Ratsbüro: Beratungsfolge";

	public static final String OVERDUE = "Überfällig";

	/** The board's own decisions and the board office's work on them. */
	static final List<String> BOARD_TASKS = List.of("Task_PrepareBoardAgendaItem", "Task_RecordBoardDecision",
			"Task_VoteOnProjectIdea", "Task_CastDecidingVote", "Task_ClarifyFinancing", "Task_DecideOnPartialFunding",
			"Task_DecideNextFundingStep");

	static final String COMMITTEE_PROCESS = "CommitteeResolutionProcess";

	private static final Logger log = LoggerFactory.getLogger(TaskFilters.class);

	private static final List<String> EVERY_WORK_GROUP = List.of(RatswegGroups.workGroupIds());

	private final FilterService filterService;

	private final TaskService taskService;

	TaskFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	/**
	 * A filter as users see it.
	 *
	 * @param name the German name in Tasklist's list of filters
	 * @param description the German tooltip
	 * @param priority the position (smaller first)
	 * @param color the colour of the name and its bar in Tasklist, at least 4.5:1 against
	 * white (WCAG 1.4.3)
	 * @param groups the groups whose members see the filter (administrators see all)
	 * @param query which tasks it lists, from the ones the user may see
	 */
	record Definition(String name, String description, int priority, String color, List<String> groups,
			Function<TaskQuery, TaskQuery> query) {
	}

	static List<Definition> definitions() {
		return List.of(
				new Definition(MY_TASKS, "Aufgaben, die Ihnen zugewiesen sind", -20, "#b5152b", EVERY_WORK_GROUP,
						(query) -> query.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
				new Definition(GROUP_TASKS,
						"Aufgaben Ihrer Gruppen und Aufgaben, die Ihnen persönlich angeboten werden (auch in Vertretung)",
						-10, "#1f6f8b", EVERY_WORK_GROUP,
						(query) -> query.taskCandidateUserExpression("${currentUser()}")
							.includeAssignedTasks()
							.orderByDueDate()
							.asc()),
				new Definition(BOARD_APPROVALS,
						"Entscheidungen des Verwaltungsvorstands: Vorlagen, Abstimmungen im Umlauf, Finanzierung", 0,
						"#6a3d9a", List.of(RatswegGroups.BOARD, RatswegGroups.MAYOR, RatswegGroups.BOARD_OFFICE),
						(query) -> query.taskDefinitionKeyIn(BOARD_TASKS.toArray(String[]::new))
							.orderByDueDate()
							.asc()),
				new Definition(COMMITTEE_CONSULTATIONS,
						"Beratungsfolge in den Gremien: Sitzungstermine, Vorlagen, Beschlüsse", 0, "#2b7d24",
						List.of(RatswegGroups.COMMITTEE_OFFICE),
						(query) -> query.processDefinitionKey(COMMITTEE_PROCESS).orderByDueDate().asc()),
				new Definition(OVERDUE, "Aufgaben, deren Frist abgelaufen ist", 10, "#e31a1c", EVERY_WORK_GROUP,
						(query) -> query.dueBeforeExpression("${now()}").orderByDueDate().asc()));
	}

	/**
	 * Creates or updates every filter so that it matches its definition and removes
	 * filters of the same name that are left over.
	 * @return the id of each filter with the groups that see it, for granting read access
	 */
	public Map<String, List<String>> ensure() {
		Map<String, List<String>> groupsByFilter = new LinkedHashMap<>();
		for (Definition definition : definitions()) {
			List<Filter> existing = new ArrayList<>(this.filterService.createFilterQuery()
				.filterName(definition.name())
				.orderByFilterId()
				.asc()
				.list());
			Filter filter = existing.isEmpty() ? this.filterService.newTaskFilter(definition.name())
					: existing.remove(0);
			for (Filter duplicate : existing) {
				log.info("Removing duplicate task filter '{}' ({})", duplicate.getName(), duplicate.getId());
				this.filterService.deleteFilter(duplicate.getId());
			}
			filter.setQuery(definition.query().apply(this.taskService.createTaskQuery()));
			filter.setProperties(properties(definition));
			groupsByFilter.put(this.filterService.saveFilter(filter).getId(), definition.groups());
		}
		return groupsByFilter;
	}

	private static Map<String, Object> properties(Definition definition) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", definition.description());
		properties.put("priority", definition.priority());
		properties.put("color", definition.color());
		// Tasklist shows the number of tasks beside the name and keeps it up to date.
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables",
				TaskColumns.COLUMNS.entrySet()
					.stream()
					.map((column) -> Map.of("name", column.getKey(), "label", column.getValue()))
					.toList());
		return properties;
	}

}
