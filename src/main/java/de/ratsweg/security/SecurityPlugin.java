package de.ratsweg.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import org.springframework.stereotype.Component;

/**
 * What the engine checks itself, whoever calls it (Java API, REST, webapps): scripts only
 * from administrators, no expressions in queries that clients send, personal tasks (a
 * board member's vote) stay with their people.
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
		configuration.setResourceAuthorizationProvider(new PersonalTasks(configuration));
	}

}
