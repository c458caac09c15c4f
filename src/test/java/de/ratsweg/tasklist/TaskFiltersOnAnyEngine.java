package de.ratsweg.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;

/**
 * Ratsweg's Tasklist filters on an engine that is not Ratsweg's (the benchmark's plain
 * Camunda baseline), so that both run the very same filter queries.
 */
public final class TaskFiltersOnAnyEngine {

	private TaskFiltersOnAnyEngine() {
	}

	/**
	 * Creates or updates the filters as Ratsweg does on start-up.
	 * @return the filter ids by German name
	 */
	public static Map<String, String> ensure(ProcessEngine engine) {
		new TaskFilters(engine.getFilterService(), engine.getTaskService()).ensure();
		return idsByName(engine);
	}

	/** The ids of the filters by name, as they are in the engine's database. */
	public static Map<String, String> idsByName(ProcessEngine engine) {
		Map<String, String> ids = new LinkedHashMap<>();
		for (Filter filter : engine.getFilterService().createTaskFilterQuery().orderByFilterId().asc().list()) {
			ids.putIfAbsent(filter.getName(), filter.getId());
		}
		return ids;
	}

}
