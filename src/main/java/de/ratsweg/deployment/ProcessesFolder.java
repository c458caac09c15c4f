package de.ratsweg.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.ratsweg.cluster.ClusterLock;

/**
 * The processes folder as administrators edit it in the browser ("Prozesse bearbeiten"):
 * read a model, check a changed one with the deployer's checks, and publish it, which
 * writes the file into the folder (the one source of truth, so the change is there for
 * Git) and deploys the folder. A save based on a version of the file that is no longer
 * the one in the folder is refused; a folder that cannot be written refuses publishing
 * instead of deploying what it does not hold.
 */
@Component
public class ProcessesFolder {

	private static final Logger log = LoggerFactory.getLogger(ProcessesFolder.class);

	private static final Pattern QUOTED = Pattern.compile("'([^']{3,})'");

	private final ProcessesProperties properties;

	private final ProcessesFolderDeployer deployer;

	private final RepositoryService repositoryService;

	private final ClusterLock clusterLock;

	private final TransactionTemplate trialTransaction;

	private final ObjectMapper objectMapper = new ObjectMapper();

	ProcessesFolder(ProcessesProperties properties, ProcessesFolderDeployer deployer,
			RepositoryService repositoryService, ClusterLock clusterLock, PlatformTransactionManager transactions) {
		this.properties = properties;
		this.deployer = deployer;
		this.repositoryService = repositoryService;
		this.clusterLock = clusterLock;
		this.trialTransaction = new TransactionTemplate(transactions);
	}

	/** The models of the folder, by resource name ({@code soest/...dmn} for a city's). */
	public List<String> modelNames() {
		try {
			return ModelFile.list(folder()).stream().map(ModelFile.Found::name).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A model of the folder with its version, or empty when there is no such model. */
	public Optional<Model> read(String name) {
		if (!modelNames().contains(name)) {
			return Optional.empty();
		}
		try {
			byte[] content = Files.readAllBytes(folder().resolve(name));
			return Optional.of(new Model(name, content, versionOf(content)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the engine runs of this model now: the file as the latest deployment of the
	 * folder holds it (empty for a model that was never deployed).
	 */
	public Optional<byte[]> deployed(String name) {
		String latest = this.deployer.latestDeploymentId(tenantOf(name));
		if (latest == null || !this.repositoryService.getDeploymentResourceNames(latest).contains(name)) {
			return Optional.empty();
		}
		try (InputStream in = this.repositoryService.getResourceAsStream(latest, name)) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether publishing can write into the folder: it is switched on
	 * ({@code ratsweg.processes.publishing}) and the folder is writable (not mounted
	 * read-only).
	 */
	public boolean writable() {
		Path folder = folder();
		return this.properties.publishing() && Files.isDirectory(folder) && Files.isWritable(folder);
	}

	/** Where the folder is, for messages to administrators. */
	public Path location() {
		return folder().toAbsolutePath().normalize();
	}

	/**
	 * "Prüfen": the checks of the folder deployer on the folder as it would be with this
	 * content, Ratsweg's model rules, and a trial deployment that the engine parses and
	 * that is rolled back.
	 * @return the findings, empty when the model can be published
	 */
	public List<ModelFinding> check(String name, byte[] content) {
		List<ModelFile> files = withChange(name, content);
		ModelFile changed = files.stream().filter((file) -> file.name().equals(name)).findFirst().orElseThrow();
		List<ModelFinding> findings = new ArrayList<>();
		this.deployer.checksOf(changed).forEach((problem) -> findings.add(ModelFinding.of(problem)));
		if (!findings.isEmpty()) {
			return findings;
		}
		if (name.endsWith(".bpmn")) {
			findings.addAll(ModelConventions.check(changed, formIds(files)));
		}
		if (findings.isEmpty()) {
			// Every deployment the folder makes, not only the changed file's: publishing
			// deploys them all, and none may fail after another was made.
			Set<String> scopes = new LinkedHashSet<>();
			files.forEach((file) -> scopes.add(Objects.toString(tenantOf(file.name()), "")));
			for (String scope : scopes) {
				findings.addAll(trialDeployment(files, scope.isEmpty() ? null : scope));
			}
		}
		return findings;
	}

	/**
	 * "Veröffentlichen": writes the model into the folder and deploys the folder.
	 * @param name the model's resource name
	 * @param content the new content
	 * @param baseVersion the version of the file the administrator started from
	 * ({@link Model#version()})
	 * @return the new version of the file and whether a new deployment was made
	 * @throws PublishRefusedException when the folder is read-only, the file changed in
	 * the meantime, or the model has findings; the folder is then unchanged
	 */
	public Published publish(String name, byte[] content, String baseVersion, String userId) {
		if (!modelNames().contains(name)) {
			throw PublishRefusedException.unknown(name);
		}
		// The deployer's lock first, then the cluster lock: the order in which the folder
		// watcher takes them too.
		synchronized (this.deployer) {
			return this.clusterLock.callExclusively("publishing " + name,
					() -> publishExclusively(name, content, baseVersion, userId));
		}
	}

	private Published publishExclusively(String name, byte[] content, String baseVersion, String userId) {
		if (!writable()) {
			throw PublishRefusedException.readOnly(location());
		}
		Path file = folder().resolve(name);
		byte[] current;
		try {
			current = Files.exists(file) ? Files.readAllBytes(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String currentVersion = (current != null) ? versionOf(current) : "";
		if (!currentVersion.equals(baseVersion)) {
			throw PublishRefusedException.conflict(name, currentVersion);
		}
		List<ModelFinding> findings = check(name, content);
		if (!findings.isEmpty()) {
			throw PublishRefusedException.findings(name, findings);
		}
		try {
			write(file, content);
		}
		catch (AccessDeniedException ex) {
			throw PublishRefusedException.readOnly(location());
		}
		catch (FileSystemException ex) {
			if (String.valueOf(ex.getReason()).toLowerCase().contains("read-only")) {
				throw PublishRefusedException.readOnly(location());
			}
			throw new UncheckedIOException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			ProcessesFolderDeployer.Result result = this.deployer.deploy(folder());
			log.info("'{}' published {} (version {}) into {}", userId, name, versionOf(content), location());
			return new Published(name, versionOf(content), result.deploymentId(), result.created());
		}
		catch (ProcessesDeploymentException ex) {
			restore(file, current);
			log.warn("Publishing {} by '{}' failed, the previous file is back: {}", name, userId, ex.getMessage());
			throw PublishRefusedException.findings(name, ex.getProblems().stream().map(ModelFinding::of).toList());
		}
		catch (RuntimeException ex) {
			// The folder holds what the engine runs, never a model it refused.
			restore(file, current);
			throw ex;
		}
	}

	private void restore(Path file, byte[] previous) {
		try {
			if (previous == null) {
				Files.deleteIfExists(file);
			}
			else {
				write(file, previous);
			}
		}
		catch (IOException ex) {
			log.error("Could not restore {} after a failed deployment; the folder now differs from the engine", file,
					ex);
		}
	}

	/** Written next to the file and moved over it: nobody ever reads half a model. */
	private static void write(Path file, byte[] content) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + ".saving");
		Files.write(temporary, content);
		try {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The deployment the folder would make, parsed by the engine and rolled back. */
	private List<ModelFinding> trialDeployment(List<ModelFile> files, String tenantId) {
		List<ModelFile> scope = files.stream()
			.filter((file) -> Objects.equals(tenantOf(file.name()), tenantId))
			.filter((file) -> tenantId == null || file.isDmn())
			.toList();
		List<ModelFinding> findings = new ArrayList<>();
		this.trialTransaction.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			DeploymentBuilder builder = this.repositoryService.createDeployment()
				.name("ratsweg-trial")
				.tenantId(tenantId);
			scope.forEach((file) -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
			try (MDC.MDCCloseable quiet = MDC.putCloseable(DeploymentLogFilter.MDC_KEY, "true")) {
				builder.deploy();
			}
			catch (ParseException ex) {
				this.deployer.problemsOf(ex, scope).forEach((problem) -> findings.add(ModelFinding.of(problem)));
			}
			catch (ProcessEngineException ex) {
				findings.add(ModelFinding.of(located(ModelChecks.deepestMessage(ex), scope)));
			}
		});
		return findings;
	}

	/**
	 * The engine names no element for some errors (an expression it cannot parse), but
	 * quotes the text: the element is the one whose file holds that text.
	 */
	private ModelProblem located(String reason, List<ModelFile> scope) {
		Matcher quoted = QUOTED.matcher(reason);
		if (quoted.find()) {
			for (ModelFile file : scope) {
				String text = new String(file.content(), StandardCharsets.UTF_8);
				int index = text.indexOf(quoted.group(1));
				if (index >= 0) {
					int line = (int) text.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
					return new ModelProblem(file.name(), this.deployer.elementAt(file, line), line, reason);
				}
			}
		}
		return new ModelProblem(null, null, 0, reason);
	}

	private List<ModelFile> withChange(String name, byte[] content) {
		List<ModelFile> files = new ArrayList<>();
		try {
			for (ModelFile file : ModelFile.readAll(folder())) {
				files.add(file.name().equals(name) ? new ModelFile(name, content) : file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (files.stream().noneMatch((file) -> file.name().equals(name))) {
			files.add(new ModelFile(name, content));
		}
		return files;
	}

	private Set<String> formIds(List<ModelFile> files) {
		Set<String> ids = new LinkedHashSet<>();
		for (ModelFile file : files) {
			if (file.isForm()) {
				try {
					JsonNode form = this.objectMapper.readTree(file.content());
					if (form != null && form.path("id").isTextual()) {
						ids.add(form.path("id").asText());
					}
				}
				catch (IOException ex) {
					// a broken form is reported by its own check
				}
			}
		}
		return ids;
	}

	private String tenantOf(String name) {
		return this.deployer.tenantOf(name);
	}

	private Path folder() {
		return this.properties.location();
	}

	/** A short, stable fingerprint of a file's content: changes whenever it changes. */
	public static String versionOf(byte[] content) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A model as the folder holds it.
	 *
	 * @param name the resource name
	 * @param content the file's bytes
	 * @param version the fingerprint of the content, given back when publishing
	 */
	public record Model(String name, byte[] content, String version) {

		public String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	/**
	 * What publishing did.
	 *
	 * @param name the model
	 * @param version the file's new version
	 * @param deploymentId the deployment that holds the shared models now
	 * @param deployed whether a new deployment was made
	 */
	public record Published(String name, String version, String deploymentId, boolean deployed) {
	}

}
