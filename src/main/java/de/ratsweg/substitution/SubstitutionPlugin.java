package de.ratsweg.substitution;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Substitution in the engine: the listener on every user task and the timers of absences.
 */
@Component
class SubstitutionPlugin extends AbstractProcessEnginePlugin {

	private final SubstitutionListener listener;

	private final AbsenceTimers timers;

	/**
	 * @param absences looked up when first needed (the service needs the engine)
	 */
	SubstitutionPlugin(ObjectProvider<AbsenceService> absences) {
		this.listener = new SubstitutionListener(absences);
		this.timers = new AbsenceTimers(absences);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<JobHandler> handlers = configuration.getCustomJobHandlers();
		if (handlers == null) {
			handlers = new ArrayList<>();
			configuration.setCustomJobHandlers(handlers);
		}
		handlers.add(this.timers);
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
						TaskListener.EVENTNAME_COMPLETE)) {
					task.addBuiltInTaskListener(event, SubstitutionPlugin.this.listener);
				}
			}
		});
	}

}
