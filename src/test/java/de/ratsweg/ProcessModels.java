package de.ratsweg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Deploys the real models from the top-level {@code processes/} folder into the engine of
 * a process test, like Ratsweg does: one deployment with every form, so that
 * {@code formRefBinding="deployment"} and the server-side form checks work.
 */
public final class ProcessModels {

	public static final Path FOLDER = Path.of("processes");

	/** The task of a called-process double, completed by the test with the outcome. */
	public static final String DOUBLE_TASK = "Task_CalledProcessDouble";

	private ProcessModels() {
	}

	/** Every model of a Smart-City project: the five processes and the shared tables. */
	public static final List<String> MUNICIPAL_PROCESSES = List.of("SmartCityProjectProcess.bpmn",
			"DepartmentCoSigningProcess.bpmn", "BoardApprovalProcess.bpmn", "CommitteeResolutionProcess.bpmn",
			"FundingApplicationProcess.bpmn", "FundingRouteDecision.dmn", "CoSigningDepartmentsDecision.dmn",
			"ResponsibleCommitteesDecision.dmn", "CommitteeResultDecision.dmn");

	/**
	 * Deploys every model of a Smart-City project with all forms, as one deployment.
	 * @return the deployment's id
	 */
	public static String deployMunicipalProcesses(ProcessEngine engine) {
		return deploy(engine, MUNICIPAL_PROCESSES);
	}

	/**
	 * Deploys the given models (file names in processes/) with all forms, plus doubles.
	 */
	public static String deploy(ProcessEngine engine, List<String> models, BpmnModelInstance... doubles) {
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name("process-test")
			.enableDuplicateFiltering(false);
		try (Stream<Path> files = Files.list(FOLDER)) {
			files.filter((file) -> file.toString().endsWith(".form") || models.contains(file.getFileName().toString()))
				.forEach((file) -> add(deployment, file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (BpmnModelInstance model : doubles) {
			String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
				.iterator()
				.next()
				.getId();
			deployment.addModelInstance(key + ".bpmn", model);
		}
		return deployment.deploy().getId();
	}

	/**
	 * Deploys the next version of every model of a Smart-City project, with all forms, as
	 * the processes folder would after an administrator changed some of them.
	 * @param changes per file name, how its text changes
	 * @return the deployment's id
	 */
	public static String deployChanged(ProcessEngine engine, Map<String, UnaryOperator<String>> changes) {
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name("process-test-next-version")
			.enableDuplicateFiltering(false);
		try (Stream<Path> files = Files.list(FOLDER)) {
			for (Path file : files
				.filter((file) -> file.toString().endsWith(".form")
						|| MUNICIPAL_PROCESSES.contains(file.getFileName().toString()))
				.toList()) {
				String name = file.getFileName().toString();
				String text = Files.readString(file);
				deployment.addString(name, changes.getOrDefault(name, UnaryOperator.identity()).apply(text));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return deployment.deploy().getId();
	}

	/**
	 * Runs every batch (e.g. a migration) as the job executor would: its seed job, its
	 * jobs, and its monitor job, which removes it when done.
	 */
	public static void runBatches(ProcessEngine engine) {
		ManagementService management = engine.getManagementService();
		for (Batch batch : management.createBatchQuery().list()) {
			for (String definitionId : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
					batch.getMonitorJobDefinitionId())) {
				for (Job job : management.createJobQuery().jobDefinitionId(definitionId).list()) {
					management.executeJob(job.getId());
				}
			}
		}
	}

	/**
	 * Deploys the decision tables of each municipality ({@code processes/<tenant>/}) for
	 * that tenant, as Ratsweg does.
	 * @return the deployments made
	 */
	public static List<String> deployMunicipalityTables(ProcessEngine engine) {
		List<String> deploymentIds = new java.util.ArrayList<>();
		try (Stream<Path> folders = Files.list(FOLDER)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				String tenantId = folder.getFileName().toString();
				DeploymentBuilder deployment = engine.getRepositoryService()
					.createDeployment()
					.name("process-test-" + tenantId)
					.tenantId(tenantId);
				try (Stream<Path> tables = Files.list(folder)) {
					tables.filter((file) -> file.toString().endsWith(".dmn")).forEach((file) -> add(deployment, file));
				}
				deploymentIds.add(deployment.deploy().getId());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return deploymentIds;
	}

	private static void add(DeploymentBuilder deployment, Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			deployment.addInputStream(file.getFileName().toString(),
					new java.io.ByteArrayInputStream(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A stand-in for a called process: one task that the test completes with the
	 * variables the real process would hand back.
	 */
	public static BpmnModelInstance calledProcessDouble(String processKey) {
		return Bpmn.createExecutableProcess(processKey)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask(DOUBLE_TASK)
			.endEvent()
			.done();
	}

	/**
	 * Removes the deployment with its instances. A job of one of them may be running at
	 * that moment (tests with the job executor on) and write to rows the removal deletes
	 * (a lost update, or a new row that still points to a deleted one): the instances are
	 * suspended first, so that no further job of theirs starts, and the removal is tried
	 * again.
	 */
	public static void undeploy(ProcessEngine engine, String deploymentId) {
		if (deploymentId == null) {
			return;
		}
		engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(deploymentId)
			.active()
			.list()
			.forEach((definition) -> suspendQuietly(engine, definition.getId()));
		for (int attempt = 1;; attempt++) {
			try {
				engine.getRepositoryService().deleteDeployment(deploymentId, true, true, true);
				return;
			}
			catch (ProcessEngineException ex) {
				if (attempt == 5) {
					throw ex;
				}
				try {
					Thread.sleep(200L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private static void suspendQuietly(ProcessEngine engine, String processDefinitionId) {
		try {
			engine.getRepositoryService().suspendProcessDefinitionById(processDefinitionId, true, null);
		}
		catch (ProcessEngineException ex) {
			// a running job changed an instance meanwhile: the removal below retries
		}
	}

}
