package de.ratsweg.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

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
class ProcessesFolderSync implements SmartLifecycle {

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
	public void start() {
		Path folder = this.properties.location();
		this.deployedFingerprint = fingerprint(folder);
		this.deployer.deploy(folder);
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
		try {
			List<String> current = fingerprint(folder);
			if (current.equals(this.deployedFingerprint)) {
				this.pendingFingerprint = null;
				return;
			}
			if (!current.equals(this.pendingFingerprint)) {
				// Changed since the last look: wait one interval until the folder
				// settles.
				this.pendingFingerprint = current;
				return;
			}
			this.deployedFingerprint = current;
			this.pendingFingerprint = null;
			this.deployer.deploy(folder);
		}
		catch (ProcessesDeploymentException ex) {
			log.error("{}\n  The previously deployed versions stay active; running instances are untouched.",
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Redeploying processes folder {} failed; the previously deployed versions stay active",
					folder.toAbsolutePath().normalize(), ex);
		}
	}

	static List<String> fingerprint(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> ModelFile.isModel(folder, path))
				.map((path) -> ModelFile.resourceName(folder, path) + "|" + path.toFile().length() + "|"
						+ path.toFile().lastModified())
				.sorted()
				.toList();
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			// A file vanished while walking: report a fingerprint that differs, look
			// again next time.
			return List.of("unreadable|" + System.nanoTime());
		}
	}

	@Override
	public void stop() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
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
		// Before the web server starts accepting requests.
		return 0;
	}

}
