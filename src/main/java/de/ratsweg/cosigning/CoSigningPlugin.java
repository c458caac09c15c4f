package de.ratsweg.cosigning;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Lets the engine's decision engine tell which rules of the co-signing table matched
 * ({@link MatchedRules}), so that co-signing can say why each department co-signs. Public
 * with a default constructor so that the stand-alone engine of the process tests
 * ({@code camunda.cfg.xml}) uses it too.
 */
@Component
public class CoSigningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
		if (dmn.getCustomPostDecisionTableEvaluationListeners() != null) {
			listeners.addAll(dmn.getCustomPostDecisionTableEvaluationListeners());
		}
		listeners.add(new MatchedRules());
		dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
	}

}
