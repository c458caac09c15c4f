package de.ratsweg.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds the {@link ClusterLock} from the moment the engine is built (it creates or
 * updates its tables) until the application has started: groups, authorizations, filters
 * and users are ensured, and {@code processes/} is deployed. A second node that starts at
 * the same time waits, then finds everything in place and deploys nothing twice.
 */
@Component
class ClusterStartup extends AbstractProcessEnginePlugin implements DisposableBean {

	private final ClusterLock lock;

	private final ApplicationContext context;

	private boolean held;

	ClusterStartup(ClusterLock lock, ApplicationContext context) {
		this.lock = lock;
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.lock.lock("start-up");
		this.held = true;
	}

	@EventListener
	void started(ContextRefreshedEvent event) {
		if (event.getApplicationContext() == this.context) {
			release();
		}
	}

	/** A start-up that failed releases the lock as well. */
	@Override
	public void destroy() {
		release();
	}

	private void release() {
		if (this.held) {
			this.held = false;
			this.lock.unlock();
		}
	}

}
