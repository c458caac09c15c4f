package de.ratsweg.engine.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.oplog.UserOperationLogContext;
import org.camunda.bpm.engine.impl.oplog.UserOperationLogContextEntryBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserOperationLogManager;

import de.ratsweg.engine.forms.FormInputGuard;

/**
 * The engine's operation log says who set or removed variables ("SetVariable",
 * "RemoveVariable", "ModifyVariable") but not which. Ratsweg adds one property change
 * {@code variableName} per variable, with its name and never its value (values may be
 * personal data; the history keeps them under its own retention).
 */
public class VariableNamesInOperationLog extends UserOperationLogManager {

	/** The property under which the operation log names a variable. */
	static final String PROPERTY = "variableName";

	/** Replaces the engine's operation log manager. */
	public static final SessionFactory FACTORY = new SessionFactory() {

		@Override
		public Class<?> getSessionType() {
			return UserOperationLogManager.class;
		}

		@Override
		public Session openSession() {
			return new VariableNamesInOperationLog();
		}

	};

	@Override
	public void logVariableOperation(String operation, String executionId, String taskId,
			PropertyChange propertyChange) {
		List<String> names = (propertyChange == PropertyChange.EMPTY_CHANGE) ? variableNames() : List.of();
		if (names.isEmpty() || !isUserOperationLogEnabled()) {
			super.logVariableOperation(operation, executionId, taskId, propertyChange);
			return;
		}
		List<PropertyChange> changes = names.stream().map((name) -> new PropertyChange(PROPERTY, null, name)).toList();
		UserOperationLogContextEntryBuilder entry = UserOperationLogContextEntryBuilder
			.entry(operation, EntityTypes.VARIABLE)
			.propertyChanges(changes);
		if (executionId != null) {
			ExecutionEntity execution = getProcessInstanceManager().findExecutionById(executionId);
			entry.inContextOf(execution).category(UserOperationLogEntry.CATEGORY_OPERATOR);
		}
		else if (taskId != null) {
			TaskEntity task = getTaskManager().findTaskById(taskId);
			entry.inContextOf(task, changes).category(UserOperationLogEntry.CATEGORY_TASK_WORKER);
		}
		UserOperationLogContext context = new UserOperationLogContext();
		context.addEntry(entry.create());
		fireUserOperationLog(context);
	}

	/** The names the command that is running sets or removes. */
	private static List<String> variableNames() {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		Command<?> command = (invocation != null) ? invocation.getCommand() : null;
		List<String> names = new ArrayList<>();
		if (command instanceof AbstractSetVariableCmd) {
			names.addAll(keys(FormInputGuard.field(command, "variables")));
		}
		else if (command instanceof AbstractRemoveVariableCmd) {
			names.addAll(values(FormInputGuard.field(command, "variableNames")));
		}
		else if (command instanceof AbstractPatchVariablesCmd) {
			names.addAll(keys(FormInputGuard.field(command, "variables")));
			names.addAll(values(FormInputGuard.field(command, "deletions")));
		}
		return names.stream().distinct().sorted().toList();
	}

	private static Collection<String> keys(Map<String, ?> map) {
		return (map != null) ? map.keySet() : List.of();
	}

	private static Collection<String> values(Collection<String> names) {
		return (names != null) ? names : Arrays.asList();
	}

}
