package de.ratsweg.deployment;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The tools every process test uses (camunda-bpm-junit5, camunda-bpm-assert, process test
 * coverage) work together, shown on the fixture model: a request is submitted, the
 * committee office reviews it, the request is done. Coverage lands in
 * target/process-test-coverage/.
 */
class ProcessTestToolingTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	@BeforeEach
	void useTheProcessTestEngine() {
		// The Spring tests' engine may be registered in the same JVM: say which one to
		// assert on.
		BpmnAwareTests.init(engine.getProcessEngine());
	}

	@AfterEach
	void forgetTheProcessTestEngine() {
		BpmnAwareTests.reset();
	}

	@Test
	@Deployment(resources = { "processes/ReviewRequestProcess.bpmn", "processes/ReviewRequestForm.form" })
	void reviewedRequestEnds() {
		ProcessInstance request = runtimeService().startProcessInstanceByKey(ModelFolder.PROCESS_KEY);

		assertThat(request).isWaitingAt("Task_ReviewRequest");
		assertThat(task()).hasCandidateGroup("ratsbuero").hasName("Anfrage prüfen");

		complete(task(), withVariables("reviewResult", "Zuständigkeit liegt beim Fachbereich Umwelt"));

		assertThat(request).isEnded().hasPassed("EndEvent_RequestReviewed");
	}

}
