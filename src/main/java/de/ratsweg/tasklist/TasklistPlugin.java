package de.ratsweg.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;
import de.ratsweg.tenancy.Municipalities;

/**
 * Gives every user task the columns Tasklist's filters show ({@link TaskColumns}), and
 * answers two people acting on one task at once with a clear conflict
 * ({@link TaskConflicts}).
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
		EngineExtensions.onEveryUserTask(configuration, this.columns, TaskListener.EVENTNAME_CREATE,
				TaskListener.EVENTNAME_UPDATE);
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
		if (interceptors == null) {
			interceptors = new ArrayList<>();
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}
		interceptors.add(new TaskConflicts(configuration));
	}

}
