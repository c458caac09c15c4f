package de.ratsweg;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import de.ratsweg.security.DemoRoster;

/**
 * For a test in the shared application context: before each test the demo users and every
 * model of a Smart-City project (with all forms) as one deployment; after it, no one
 * authenticated and the deployment removed with its instances.
 *
 * <pre>
 * &#64;RegisterExtension
 * final MunicipalProcesses models = new MunicipalProcesses();
 * </pre>
 */
public final class MunicipalProcesses implements BeforeEachCallback, AfterEachCallback {

	private ProcessEngine engine;

	private String deploymentId;

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		this.engine = application.getBean(ProcessEngine.class);
		DemoRoster.createIn(application);
		this.deploymentId = ProcessModels.deployMunicipalProcesses(this.engine);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.engine.getIdentityService().clearAuthentication();
		ProcessModels.undeploy(this.engine, this.deploymentId);
	}

	/** The deployment of this test's models. */
	public String deploymentId() {
		return this.deploymentId;
	}

}
