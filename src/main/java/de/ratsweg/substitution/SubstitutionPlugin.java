package de.ratsweg.substitution;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;

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
		EngineExtensions.addJobHandlers(configuration, this.timers);
		EngineExtensions.onEveryUserTask(configuration, this.listener, TaskListener.EVENTNAME_CREATE,
				TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE);
	}

}
