package de.ratsweg.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import de.ratsweg.startup.StartupStep;

/**
 * Keeps the engine in step with the processes folder: deploys it when Ratsweg starts (a
 * broken model stops start-up) and, when watching is on, whenever a file below it changes
 * (a broken change is logged and the running versions stay active).
 *
 * <p>
 * Watching polls a fingerprint (names, sizes, modification times) instead of using
 * inotify: it works the same on bind mounts and network shares, and a change is only
 * deployed once the folder has stopped changing for one interval, so a half-saved file is
 * never deployed.
 */
@Component
class ProcessesFolderSync implements StartupStep, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessesFolderSync.class);

	private final ProcessesFolderDeployer deployer;

	private final ProcessesProperties properties;

	private ScheduledExecutorService watcher;

	private List<String> deployedFingerprint;

	private List<String> pendingFingerprint;

	private volatile boolean running;

	ProcessesFolderSync(ProcessesFolderDeployer deployer, ProcessesProperties properties) {
		this.deployer = deployer;
		this.properties = properties;
	}

	@Override
	public Stage stage() {
		return Stage.DEPLOYMENT;
	}

	@Override
	public String description() {
		return "processes folder " + this.properties.location().toAbsolutePath().normalize();
	}

	/** Deploys the folder at start-up (a broken model stops start-up). */
	@Override
	public void run() {
		Path folder = this.properties.location();
		this.deployedFingerprint = fingerprint(folder);
		this.deployer.deploy(folder);
	}

	/** Watches the folder, when watching is on (after the start-up sequence). */
	@Override
	public void start() {
		Path folder = this.properties.location();
		if (this.properties.watch()) {
			this.watcher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "processes-watcher");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.properties.watchInterval().toMillis();
			this.watcher.scheduleWithFixedDelay(this::redeployWhenChanged, interval, interval, TimeUnit.MILLISECONDS);
			log.info("Watching processes folder {} for changes every {} ms", folder.toAbsolutePath().normalize(),
					interval);
		}
		this.running = true;
	}

	void redeployWhenChanged() {
		Path folder = this.properties.location();
		List<String> current = fingerprint(folder);
		if (current.equals(this.deployedFingerprint)) {
			this.pendingFingerprint = null;
			return;
		}
		if (!current.equals(this.pendingFingerprint)) {
			// Changed since the last look: wait one interval until the folder settles.
			this.pendingFingerprint = current;
			return;
		}
		try {
			this.deployer.deploy(folder);
			this.deployedFingerprint = current;
		}
		catch (ProcessesDeploymentException ex) {
			// A broken model: reported once, tried again when the folder changes.
			this.deployedFingerprint = current;
			log.error("{}\n  The previously deployed versions stay active; running instances are untouched.",
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Not the models' fault (database unreachable, ...): the change stays pending
			// and
			// is tried again at the next look.
			log.error("Redeploying processes folder {} failed, trying again; the previously deployed versions "
					+ "stay active", folder.toAbsolutePath().normalize(), ex);
		}
	}

	/**
	 * Names, sizes and modification times of the models: changes when a model changes.
	 */
	static List<String> fingerprint(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try {
			return ModelFile.list(folder)
				.stream()
				.map((found) -> found.name() + "|" + found.path().toFile().length() + "|"
						+ found.path().toFile().lastModified())
				.toList();
		}
		catch (IOException ex) {
			// The folder itself vanished or became unreadable while looking: look again
			// next time.
			return List.of("unreadable");
		}
	}

	@Override
	public void stop() {
		if (this.watcher != null) {
			// Let a deployment in progress finish: interrupting it would break its
			// transaction.
			this.watcher.shutdown();
			try {
				if (!this.watcher.awaitTermination(30, TimeUnit.SECONDS)) {
					log.warn("Processes folder watcher did not stop within 30 s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.watcher = null;
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After the start-up sequence, before the web server starts accepting requests.
		return 0;
	}

}
