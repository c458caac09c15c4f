package de.ratsweg.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.tenancy.Municipalities;

/**
 * Gives every user task the columns Tasklist's filters show ({@link TaskColumns}).
 */
@Component
class TasklistPlugin extends AbstractProcessEnginePlugin {

	private final TaskColumns columns;

	/**
	 * @param municipalities looked up when the first task is created (the municipalities
	 * need the engine this plugin configures)
	 */
	TasklistPlugin(ObjectProvider<Municipalities> municipalities) {
		this.columns = new TaskColumns(municipalities);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
				behavior.getTaskDefinition()
					.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TasklistPlugin.this.columns);
				behavior.getTaskDefinition()
					.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TasklistPlugin.this.columns);
			}
		});
	}

}
