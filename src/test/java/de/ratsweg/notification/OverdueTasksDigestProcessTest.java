package de.ratsweg.notification;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.engine.notification.OverdueDigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * "Tägliche Übersicht überfälliger Aufgaben": every morning the digests are queued, in a
 * job of their own (so that a failure is an incident, not a lost morning).
 */
class OverdueTasksDigestProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final OverdueDigest overdueDigest = mock(OverdueDigest.class);

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, "OverdueTasksDigestProcess.bpmn")
		.withBean("overdueDigest", this.overdueDigest);

	@Test
	void everyMorningTheTimerStartsTheDigestWhichRunsInAJobOfItsOwn() {
		Job morning = managementService().createJobQuery().timers().singleResult();
		assertThat(morning).as("the morning timer").isNotNull();

		managementService().executeJob(morning.getId());
		ProcessInstance digest = engine.getProcessEngine()
			.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("OverdueTasksDigestProcess")
			.singleResult();
		assertThat(digest).isWaitingAt("ServiceTask_SendOverdueDigests");
		verify(this.overdueDigest, never()).send(any());

		execute(job(digest));

		assertThat(digest).isEnded().hasPassed("EndEvent_DigestsQueued");
		verify(this.overdueDigest)
			.send(argThat((execution) -> digest.getId().equals(execution.getProcessInstanceId())));
		assertThat(managementService().createJobQuery().timers().count()).as("the timer of the next morning")
			.isEqualTo(1);
	}

}
