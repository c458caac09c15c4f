package de.ratsweg.forms;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;

/**
 * Adds the server-side form checks and the task titles to every process the engine
 * parses. Public with a default constructor so that the stand-alone engine of the process
 * tests ({@code camunda.cfg.xml}) uses it too.
 */
@Component
public class FormsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineExtensions.addParseListener(configuration, new TaskTitles());
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
		if (interceptors == null) {
			interceptors = new ArrayList<>();
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}
		interceptors.add(0, new RefusedInputUnwrapping());
		List<CommandInterceptor> inside = configuration.getCustomPostCommandInterceptorsTxRequired();
		if (inside == null) {
			inside = new ArrayList<>();
			configuration.setCustomPostCommandInterceptorsTxRequired(inside);
		}
		inside.add(new FormInputGuard());
		RefusedInputLogFilter.install();
	}

}
