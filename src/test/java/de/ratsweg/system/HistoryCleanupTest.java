package de.ratsweg.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import de.ratsweg.RatswegSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR: what Ratsweg keeps about a finished process is deleted once its history
 * time-to-live has passed, by the engine's history cleanup, which runs at night. Every
 * shipped process and decision says how long that is.
 */
@RatswegSpringTest
class HistoryCleanupTest {

	private static final String PROCESS = "RetentionTestProcess";

	private final ProcessEngine engine;

	private final HistoryService history;

	private String deploymentId;

	@Autowired
	HistoryCleanupTest(ProcessEngine engine) {
		this.engine = engine;
		this.history = engine.getHistoryService();
	}

	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		if (this.deploymentId != null) {
			this.engine.getRepositoryService().deleteDeployment(this.deploymentId, true);
		}
	}

	@Test
	void theHistoryOfAFinishedRequestIsGoneOnceItsTimeToLiveHasPassedAndNothingElse() {
		this.deploymentId = this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(PROCESS + ".bpmn",
					Bpmn.createExecutableProcess(PROCESS)
						.camundaHistoryTimeToLive(180)
						.startEvent()
						.userTask("Task_Review")
						.name("Anfrage prüfen")
						.endEvent()
						.done())
			.deploy()
			.getId();
		String finished = startAndFinish("abgeschlossen");
		String running = this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROCESS, "laufend", Map.of("citizen", "Erika Mustermann"))
			.getId();
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(finished).count())
			.as("the citizen and the decision")
			.isEqualTo(2);

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(181))));
		String finishedLater = startAndFinish("später abgeschlossen");
		runHistoryCleanupUntilGone(finished);

		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isZero();
		assertThat(this.history.createHistoricTaskInstanceQuery().processInstanceId(finished).count()).isZero();
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(finished).count()).isZero();
		assertThat(this.history.createHistoricActivityInstanceQuery().processInstanceId(finished).count()).isZero();
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(running).count())
			.as("a running process keeps its history")
			.isOne();
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(finishedLater).count())
			.as("a process finished less than 180 days ago keeps its history")
			.isOne();
	}

	@Test
	void theCleanupWaitsForTheNightlyWindow() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		ZonedDateTime noon = ZonedDateTime.now(ZoneId.systemDefault()).withHour(12).withMinute(0);
		ClockUtil.setCurrentTime(Date.from(noon.toInstant()));

		Job job = this.history.cleanUpHistoryAsync();

		ZonedDateTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault());
		assertThat(due.toLocalDate()).isEqualTo(noon.toLocalDate());
		assertThat(due.getHour()).as("due at the start of tonight's window").isEqualTo(22);
		assertThat(due.getMinute()).isZero();
	}

	@Test
	void everyShippedProcessAndDecisionSaysHowLongItsHistoryIsKept() throws IOException {
		List<Path> models;
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			models = files.filter((file) -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
				.toList();
		}
		assertThat(models).hasSizeGreaterThan(5);
		for (Path model : models) {
			String xml = Files.readString(model);
			assertThat(xml).as("%s declares camunda:historyTimeToLive", model)
				.containsPattern("camunda:historyTimeToLive=\"(P)?[0-9]+D?\"");
		}
	}

	private String startAndFinish(String businessKey) {
		String instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROCESS, businessKey, Map.of("citizen", "Erika Mustermann"))
			.getId();
		String task = this.engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
		this.engine.getTaskService().complete(task, Map.of("decision", "erledigt"));
		return instance;
	}

	/**
	 * Runs the cleanup job (the job executor is off in tests) until the instance is gone.
	 */
	private void runHistoryCleanupUntilGone(String instance) {
		this.history.cleanUpHistoryAsync(true);
		for (int run = 0; run < 20
				&& this.history.createHistoricProcessInstanceQuery().processInstanceId(instance).count() > 0; run++) {
			for (Job job : this.history.findHistoryCleanupJobs()) {
				this.engine.getManagementService().executeJob(job.getId());
			}
		}
	}

}
