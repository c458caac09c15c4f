package de.ratsweg.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

import de.ratsweg.cluster.ClusterLock;
import de.ratsweg.tenancy.Municipalities;
import de.ratsweg.tenancy.Municipality;

/**
 * Deploys the processes folder as one Camunda deployment: every {@code .bpmn},
 * {@code .dmn} and {@code .form}, named relative to the folder. The decision tables of a
 * municipality ({@code processes/<tenant>/*.dmn}) go into one deployment for that tenant
 * each. Camunda's duplicate filtering makes an unchanged folder a no-op; a changed file
 * makes one new deployment that holds the whole folder, so forms bound with
 * {@code formRefBinding="deployment"} always resolve. A broken model deploys nothing.
 */
@Component
class ProcessesFolderDeployer {

	static final String DEPLOYMENT_NAME = "ratsweg-processes";

	static final String DEPLOYMENT_SOURCE = "processes-folder";

	private static final Logger log = LoggerFactory.getLogger(ProcessesFolderDeployer.class);

	private final RepositoryService repositoryService;

	private final ModelChecks modelChecks;

	private final Municipalities municipalities;

	private final ClusterLock clusterLock;

	ProcessesFolderDeployer(RepositoryService repositoryService, Municipalities municipalities,
			ClusterLock clusterLock) {
		this.repositoryService = repositoryService;
		this.municipalities = municipalities;
		this.clusterLock = clusterLock;
		// A stand-alone DMN engine: the process engine's own one only parses inside its
		// commands.
		this.modelChecks = new ModelChecks(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
		DeploymentLogFilter.install();
	}

	/**
	 * Deploys the folder unless it is unchanged since its last deployment. Nodes sharing
	 * the database deploy one after the other ({@link ClusterLock}): the second finds the
	 * folder deployed and creates no new versions.
	 * @throws ProcessesDeploymentException when a model is broken; nothing is deployed
	 * then
	 */
	synchronized Result deploy(Path folder) {
		return this.clusterLock.callExclusively("deploying " + folder, () -> deployExclusively(folder));
	}

	private Result deployExclusively(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new ProcessesDeploymentException(folder, "the folder does not exist or is not a directory");
		}
		List<ModelFile> files;
		try {
			files = ModelFile.readAll(folder);
		}
		catch (IOException ex) {
			throw new ProcessesDeploymentException(folder, "cannot be read: " + ex);
		}
		if (files.isEmpty()) {
			log.warn("Processes folder {} holds no .bpmn, .dmn or .form file; nothing deployed",
					folder.toAbsolutePath());
			return new Result(null, false);
		}
		List<ModelProblem> problems = new ArrayList<>();
		files.forEach((file) -> problems.addAll(this.modelChecks.check(file)));
		Map<String, List<ModelFile>> byTenant = new TreeMap<>();
		List<ModelFile> shared = new ArrayList<>();
		for (ModelFile file : files) {
			String tenantId = tenantOf(file);
			if (tenantId == null) {
				shared.add(file);
			}
			else if (!file.isDmn()) {
				problems.add(new ModelProblem(file.name(), null, 0,
						"only decision tables (.dmn) may differ per municipality; processes and forms are shared "
								+ "and belong at the top level of the folder"));
			}
			else {
				byTenant.computeIfAbsent(tenantId, (id) -> new ArrayList<>()).add(file);
			}
		}
		if (!problems.isEmpty()) {
			throw new ProcessesDeploymentException(folder, problems);
		}
		// Shared models first: a municipality's tables only add to them.
		DeploymentRun sharedRun = shared.isEmpty() ? new DeploymentRun(null, false) : deploy(folder, shared, null);
		boolean created = sharedRun.created();
		for (Map.Entry<String, List<ModelFile>> tenant : byTenant.entrySet()) {
			created |= deploy(folder, tenant.getValue(), tenant.getKey()).created();
		}
		for (Municipality municipality : this.municipalities.all()) {
			if (!byTenant.containsKey(municipality.id())) {
				removeTablesOf(municipality.id());
			}
		}
		return new Result(sharedRun.deploymentId(), created);
	}

	/** The element with an id that encloses the line of the file. */
	String elementAt(ModelFile file, int line) {
		return this.modelChecks.scanXml(file, new ArrayList<>()).elementAt(line);
	}

	/** The deployer's own checks of one file (before the engine parses it). */
	List<ModelProblem> checksOf(ModelFile file) {
		return this.modelChecks.check(file);
	}

	/**
	 * The municipality whose folder holds the file ({@code processes/<tenant>/...}), or
	 * {@code null} for a shared model.
	 */
	String tenantOf(ModelFile file) {
		return tenantOf(file.name());
	}

	/**
	 * The municipality whose folder holds the resource, or {@code null} for a shared one.
	 */
	String tenantOf(String name) {
		int slash = name.indexOf('/');
		if (slash < 0) {
			return null;
		}
		String folderName = name.substring(0, slash);
		return this.municipalities.contains(folderName) ? folderName : null;
	}

	private DeploymentRun deploy(Path folder, List<ModelFile> files, String tenantId) {
		String previous = latestDeploymentId(tenantId);
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(deploymentName(tenantId))
			.source(DEPLOYMENT_SOURCE)
			.tenantId(tenantId)
			.enableDuplicateFiltering(false);
		files.forEach((file) -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
		DeploymentWithDefinitions deployment;
		try (MDC.MDCCloseable quiet = MDC.putCloseable(DeploymentLogFilter.MDC_KEY, "true")) {
			deployment = builder.deployWithResult();
		}
		catch (ParseException ex) {
			throw new ProcessesDeploymentException(folder, problemsOf(ex, files));
		}
		catch (ProcessEngineException ex) {
			if (ModelChecks.findCause(ex, SQLException.class) != null) {
				// Not the models' fault: the database is unreachable or timed out.
				throw ex;
			}
			throw new ProcessesDeploymentException(folder, ModelChecks.deepestMessage(ex));
		}
		String scope = (tenantId == null) ? "" : " for municipality '" + tenantId + "'";
		boolean created = !deployment.getId().equals(previous);
		if (created) {
			log.info("Deployed processes folder {}{} as deployment {} ({} files)", folder.toAbsolutePath().normalize(),
					scope, deployment.getId(), files.size());
		}
		else {
			log.info("Processes folder {}{} is unchanged since deployment {}; nothing deployed",
					folder.toAbsolutePath().normalize(), scope, deployment.getId());
		}
		return new DeploymentRun(deployment.getId(), created);
	}

	/**
	 * A municipality whose folder is gone (or empty) has no tables of its own any more:
	 * the deployments Ratsweg made from that folder are removed, so that the shared
	 * tables apply again. They hold only decision tables; the history of their
	 * evaluations stays.
	 */
	private void removeTablesOf(String tenantId) {
		DeploymentQuery query = this.repositoryService.createDeploymentQuery()
			.tenantIdIn(tenantId)
			.deploymentName(deploymentName(tenantId))
			.deploymentSource(DEPLOYMENT_SOURCE);
		for (Deployment deployment : query.unlimitedList()) {
			this.repositoryService.deleteDeployment(deployment.getId());
			log.warn("Removed deployment {} of municipality '{}': its folder in processes/ holds no decision table "
					+ "any more, so the shared tables apply", deployment.getId(), tenantId);
		}
	}

	/** "ratsweg-processes", and "ratsweg-processes-soest" for Soest's own tables. */
	static String deploymentName(String tenantId) {
		return (tenantId == null) ? DEPLOYMENT_NAME : DEPLOYMENT_NAME + "-" + tenantId;
	}

	/** The latest deployment the folder made (for the municipality), or {@code null}. */
	String latestDeploymentId(String tenantId) {
		DeploymentQuery query = this.repositoryService.createDeploymentQuery();
		if (tenantId == null) {
			query.withoutTenantId();
		}
		else {
			query.tenantIdIn(tenantId);
		}
		List<Deployment> latest = query.deploymentName(deploymentName(tenantId))
			.deploymentSource(DEPLOYMENT_SOURCE)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1);
		return latest.isEmpty() ? null : latest.get(0).getId();
	}

	List<ModelProblem> problemsOf(ParseException ex, List<ModelFile> files) {
		List<ModelProblem> problems = new ArrayList<>();
		for (ResourceReport report : ex.getResorceReports()) {
			ModelFile file = files.stream()
				.filter((f) -> f.name().equals(report.getResourceName()))
				.findFirst()
				.orElse(null);
			ModelChecks.ElementLines lines = (file != null) ? this.modelChecks.scanXml(file, new ArrayList<>()) : null;
			for (Problem error : report.getErrors()) {
				String elementId = error.getMainElementId();
				if (elementId == null && lines != null && error.getLine() > 0) {
					elementId = lines.elementAt(error.getLine());
				}
				problems
					.add(new ModelProblem(report.getResourceName(), elementId, error.getLine(), error.getMessage()));
			}
		}
		if (problems.isEmpty()) {
			problems.add(new ModelProblem(null, null, 0, ex.getMessage()));
		}
		return problems;
	}

	/**
	 * What a deployment run did.
	 *
	 * @param deploymentId the deployment that now holds the shared models, {@code null}
	 * for an empty folder
	 * @param created whether a new deployment was created (shared or for a municipality)
	 */
	record Result(String deploymentId, boolean created) {
	}

	private record DeploymentRun(String deploymentId, boolean created) {
	}

}
