package de.ratsweg.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How Ratsweg's engine plugins hook into the engine, in one place: a listener on every
 * user task of every model, and job handlers of their own.
 */
public final class EngineExtensions {

	private EngineExtensions() {
	}

	/** Adds a parse listener that runs after the engine's own. */
	public static void addParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(listener);
	}

	/**
	 * Calls the listener on the given events of every user task in every model (a
	 * built-in listener: models need not name it, and cannot leave it out).
	 */
	public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, TaskListener listener,
			String... events) {
		addParseListener(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				for (String event : events) {
					task.addBuiltInTaskListener(event, listener);
				}
			}
		});
	}

	/** The task's due date, as {@link #changed} names it. */
	public static final String DUE_DATE = TaskEntity.DUE_DATE;

	/** The task's assignee, as {@link #changed} names it. */
	public static final String ASSIGNEE = TaskEntity.ASSIGNEE;

	/**
	 * Whether the command that fired the task event changed the property (e.g.
	 * {@code TaskEntity.DUE_DATE}): an "update" fires for every change of a task.
	 */
	public static boolean changed(DelegateTask task, String property) {
		return task instanceof TaskEntity entity && entity.getPropertyChanges().containsKey(property);
	}

	/**
	 * The value the property had before the command that fired the task event changed it,
	 * or null.
	 */
	public static Object previousValue(DelegateTask task, String property) {
		if (task instanceof TaskEntity entity) {
			PropertyChange change = entity.getPropertyChanges().get(property);
			return (change != null) ? change.getOrgValue() : null;
		}
		return null;
	}

	/**
	 * Registers job handlers of a plugin (jobs of their types are created by its code).
	 */
	@SuppressWarnings("rawtypes")
	public static void addJobHandlers(ProcessEngineConfigurationImpl configuration, JobHandler... handlers) {
		List<JobHandler> registered = configuration.getCustomJobHandlers();
		if (registered == null) {
			registered = new ArrayList<>();
			configuration.setCustomJobHandlers(registered);
		}
		registered.addAll(List.of(handlers));
	}

	/**
	 * Runs a lookup inside the current command without the engine's authorization and
	 * tenant checks: for what Ratsweg must know whoever asks (is a project number taken
	 * in any municipality, which municipalities a user belongs to).
	 */
	public static <T> T withoutChecks(Supplier<T> lookUp) {
		CommandContext context = Context.getCommandContext();
		boolean tenantCheck = context.isTenantCheckEnabled();
		context.disableTenantCheck();
		try {
			return context.runWithoutAuthorization(lookUp::get);
		}
		finally {
			if (tenantCheck) {
				context.enableTenantCheck();
			}
		}
	}

	/**
	 * Calls the listener when an instance of the process with that key starts (built in:
	 * the model cannot leave it out).
	 */
	public static void onStartOf(ProcessEngineConfigurationImpl configuration, String processKey,
			ExecutionListener listener) {
		addParseListener(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element element, ProcessDefinitionEntity process) {
				if (processKey.equals(process.getKey())) {
					process.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
				}
			}
		});
	}

}
