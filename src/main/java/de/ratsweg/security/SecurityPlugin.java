package de.ratsweg.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import org.springframework.stereotype.Component;

/**
 * What the engine checks itself, whoever calls it (Java API, REST, webapps): scripts only
 * from administrators, no expressions in queries that clients send, the engine's doors
 * beside the forms for administrators only, personal tasks (a board member's vote) stay
 * with their people and tasks go only to people of their municipality, and the operation
 * log names the variables someone changed.
 */
@Component
class SecurityPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers();
		if (deployers == null) {
			deployers = new ArrayList<>();
			configuration.setCustomPreDeployers(deployers);
		}
		deployers.add(new ScriptsOnlyFromAdministrators());
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
		if (interceptors == null) {
			interceptors = new ArrayList<>();
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}
		interceptors.add(new ClientExpressionsRefused(configuration));
		interceptors.add(new EngineDoors(configuration));
		configuration.setResourceAuthorizationProvider(new PersonalTasks(configuration));
		List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories();
		if (sessionFactories == null) {
			sessionFactories = new ArrayList<>();
			configuration.setCustomSessionFactories(sessionFactories);
		}
		sessionFactories.add(VariableNamesInOperationLog.FACTORY);
	}

}
