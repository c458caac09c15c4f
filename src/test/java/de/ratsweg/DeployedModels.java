package de.ratsweg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test of a process test class: the real models from {@code processes/} (with
 * every form), the Spring beans their expressions call, and camunda-bpm-assert pointed at
 * the process test engine; all of it removed again after the test.
 *
 * <pre>
 * &#64;RegisterExtension
 * final DeployedModels models = DeployedModels.of(engine, "BoardApprovalProcess.bpmn")
 * 	.withBean("boardVoting", new BoardVoting());
 * </pre>
 */
public final class DeployedModels implements BeforeEachCallback, AfterEachCallback {

	private final ProcessEngineExtension engine;

	private final List<String> files;

	private final Map<String, Object> beans = new LinkedHashMap<>();

	private final List<BpmnModelInstance> doubles = new ArrayList<>();

	private String deploymentId;

	private DeployedModels(ProcessEngineExtension engine, List<String> files) {
		this.engine = engine;
		this.files = files;
	}

	public static DeployedModels of(ProcessEngineExtension engine, String... files) {
		return new DeployedModels(engine, List.of(files));
	}

	/** A bean the models call by name, e.g. {@code ${coSigning.plan(execution)}}. */
	public DeployedModels withBean(String name, Object bean) {
		this.beans.put(name, bean);
		return this;
	}

	/**
	 * A one-task stand-in for a called process (see
	 * {@link ProcessModels#calledProcessDouble}).
	 */
	public DeployedModels withCalledProcessDouble(String processKey) {
		this.doubles.add(ProcessModels.calledProcessDouble(processKey));
		return this;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		BpmnAwareTests.init(this.engine.getProcessEngine());
		this.beans.forEach(Mocks::register);
		this.deploymentId = ProcessModels.deploy(this.engine.getProcessEngine(), this.files,
				this.doubles.toArray(BpmnModelInstance[]::new));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ProcessModels.undeploy(this.engine.getProcessEngine(), this.deploymentId);
		this.engine.getProcessEngine().getIdentityService().clearAuthentication();
		Mocks.reset();
		BpmnAwareTests.reset();
	}

}
