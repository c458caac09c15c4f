package de.ratsweg.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
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

	/**
	 * Whether the command that fired the task event changed the property (e.g.
	 * {@code TaskEntity.DUE_DATE}): an "update" fires for every change of a task.
	 */
	public static boolean changed(DelegateTask task, String property) {
		return task instanceof TaskEntity entity && entity.getPropertyChanges().containsKey(property);
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

}
