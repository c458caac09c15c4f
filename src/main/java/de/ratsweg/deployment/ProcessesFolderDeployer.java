package de.ratsweg.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Deploys the processes folder as one Camunda deployment: every {@code .bpmn},
 * {@code .dmn} and {@code .form}, named relative to the folder. Camunda's duplicate
 * filtering makes an unchanged folder a no-op; a changed file makes one new deployment
 * that holds the whole folder, so forms bound with {@code formRefBinding="deployment"}
 * always resolve. A broken model deploys nothing.
 */
@Component
class ProcessesFolderDeployer {

	static final String DEPLOYMENT_NAME = "ratsweg-processes";

	static final String DEPLOYMENT_SOURCE = "processes-folder";

	private static final Logger log = LoggerFactory.getLogger(ProcessesFolderDeployer.class);

	private final RepositoryService repositoryService;

	private final ModelChecks modelChecks;

	ProcessesFolderDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
		// A stand-alone DMN engine: the process engine's own one only parses inside its
		// commands.
		this.modelChecks = new ModelChecks(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
		DeploymentLogFilter.install();
	}

	/**
	 * Deploys the folder unless it is unchanged since its last deployment.
	 * @throws ProcessesDeploymentException when a model is broken; nothing is deployed
	 * then
	 */
	synchronized Result deploy(Path folder) {
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
		if (!problems.isEmpty()) {
			throw new ProcessesDeploymentException(folder, problems);
		}
		String previous = latestDeploymentId();
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_SOURCE)
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
		boolean created = !deployment.getId().equals(previous);
		if (created) {
			log.info("Deployed processes folder {} as deployment {} ({} files)", folder.toAbsolutePath().normalize(),
					deployment.getId(), files.size());
		}
		else {
			log.info("Processes folder {} is unchanged since deployment {}; nothing deployed",
					folder.toAbsolutePath().normalize(), deployment.getId());
		}
		return new Result(deployment.getId(), created);
	}

	private String latestDeploymentId() {
		List<Deployment> latest = this.repositoryService.createDeploymentQuery()
			.deploymentName(DEPLOYMENT_NAME)
			.deploymentSource(DEPLOYMENT_SOURCE)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1);
		return latest.isEmpty() ? null : latest.get(0).getId();
	}

	private List<ModelProblem> problemsOf(ParseException ex, List<ModelFile> files) {
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
	 * @param deploymentId the deployment that now holds the folder, {@code null} for an
	 * empty folder
	 * @param created whether a new deployment was created
	 */
	record Result(String deploymentId, boolean created) {
	}

}
