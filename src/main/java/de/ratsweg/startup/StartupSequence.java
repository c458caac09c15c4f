package de.ratsweg.startup;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import de.ratsweg.cluster.ClusterLock;

/**
 * Ratsweg's start-up, in one sequence under the cluster lock: the engine's schema (the
 * lock is taken before it, by {@code engine/plugin/RatswegEnginePlugin}), then tenants,
 * groups and authorizations, filters, users, the processes folder and demo data, each
 * step named and logged. A second node that starts at the same time waits for the lock,
 * then finds everything in place and deploys nothing twice.
 *
 * <p>
 * Runs when the application context starts, before the web server takes requests and
 * before the job executor runs.
 */
@Component
class StartupSequence implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

	private final ClusterLock lock;

	private final Map<StartupStep.Stage, StartupStep> steps = new EnumMap<>(StartupStep.Stage.class);

	private volatile boolean running;

	StartupSequence(ClusterLock lock, List<StartupStep> steps) {
		this.lock = lock;
		for (StartupStep step : steps) {
			StartupStep other = this.steps.put(step.stage(), step);
			if (other != null) {
				throw new IllegalStateException("Two start-up steps for " + step.stage() + ": "
						+ other.getClass().getName() + " and " + step.getClass().getName());
			}
		}
	}

	/** The steps of this start-up, in order (a profile may leave one out). */
	List<StartupStep> steps() {
		return this.steps.values().stream().sorted(Comparator.comparing(StartupStep::stage)).toList();
	}

	@Override
	public void start() {
		try {
			int number = 0;
			List<StartupStep> ordered = steps();
			for (StartupStep step : ordered) {
				number++;
				long started = System.nanoTime();
				log.info("Start-up {}/{}: {}", number, ordered.size(), step.description());
				step.run();
				log.debug("Start-up {}/{} done in {} ms", number, ordered.size(),
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		finally {
			release();
		}
		this.running = true;
	}

	/** A start-up that failed before the sequence ran releases the lock as well. */
	@Override
	public void destroy() {
		release();
	}

	private void release() {
		if (this.lock.isHeldByCurrentThread()) {
			this.lock.unlock();
			log.info("Start-up: cluster lock released");
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Before everything else that starts with the context (the processes folder
		// watcher, the web server).
		return Integer.MIN_VALUE + 1000;
	}

}
