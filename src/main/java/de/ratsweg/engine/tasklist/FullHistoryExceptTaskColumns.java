package de.ratsweg.engine.tasklist;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

import de.ratsweg.tasklist.TaskColumns;

/**
 * History level "full" (the level of every Ratsweg database, id 3), except for the
 * Tasklist columns of a task ({@link TaskColumns}): they repeat, as German text, what the
 * project's own variables hold, and end with the task. Without their history a task
 * writes four rows less when it is created and four when it ends, and ACT_HI_VARINST and
 * ACT_HI_DETAIL keep only what someone decided.
 */
public class FullHistoryExceptTaskColumns extends HistoryLevelFull {

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null
				&& TaskColumns.isColumn(variable.getName())) {
			return false;
		}
		return super.isHistoryEventProduced(eventType, entity);
	}

	/** The engine asks whether its level equals its own "full" (same id: it is). */
	@Override
	public boolean equals(Object other) {
		return other instanceof HistoryLevel level && level.getId() == getId();
	}

	@Override
	public int hashCode() {
		return getId();
	}

}
