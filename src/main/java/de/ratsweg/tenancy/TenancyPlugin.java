package de.ratsweg.tenancy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

import de.ratsweg.system.EngineExtensions;

/**
 * Instances of the shared models belong to the starting user's municipality, and decision
 * tables resolve per municipality with the shared table as default. Public with a default
 * constructor so that the engine of the process tests ({@code camunda.cfg.xml}) uses it
 * too.
 */
@Component
public class TenancyPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new StartingUserTenant());
		EngineExtensions.addParseListener(configuration, new TenantDecisionFallback());
	}

}
