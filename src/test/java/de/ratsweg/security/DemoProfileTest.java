package de.ratsweg.security;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.demo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without a chosen profile Ratsweg runs as a demo: demo users, and the processes folder
 * is watched. Never on a production database.
 */
@Tag(TestProfiles.DATABASE_TAG)
class DemoProfileTest {

	@Test
	void withoutAProfileTheDemoRunsWithDemoUsersAndAWatchedFolder() {
		assumeTrue(!TestProfiles.onPostgres(), "the demo runs on H2 only");
		try (ConfigurableApplicationContext demo = SeparateApplication.withProfiles().run()) {
			assertThat(demo.getEnvironment().matchesProfiles(DemoUsers.PROFILE)).isTrue();
			assertThat(demo.getBeansOfType(DemoUsers.class)).hasSize(1);
			assertThat(demo.getEnvironment().getProperty("ratsweg.processes.watch", Boolean.class)).isTrue();
		}
	}

	@Test
	void theDemoStartsOnceWithProjectsAtDifferentStagesInTwoCities() {
		assumeTrue(!TestProfiles.onPostgres(), "the demo runs on H2 only");
		SeparateApplication demo = SeparateApplication.withProfiles()
			.property("ratsweg.processes.location", "processes")
			.h2Database("demo-" + java.util.UUID.randomUUID());
		try (ConfigurableApplicationContext first = demo.run()) {
			org.camunda.bpm.engine.ProcessEngine engine = first.getBean(org.camunda.bpm.engine.ProcessEngine.class);
			var history = engine.getHistoryService();
			assertThat(
					history.createHistoricProcessInstanceQuery().processDefinitionKey("SmartCityProjectProcess").list())
				.extracting(org.camunda.bpm.engine.history.HistoricProcessInstance::getTenantId)
				.containsOnly("soest", "menden")
				.hasSize(8);
			assertThat(history.createHistoricProcessInstanceQuery()
				.processDefinitionKey("SmartCityProjectProcess")
				.finished()
				.list()).as("one rejected by the board, two organised after their committees, months ago")
				.extracting(org.camunda.bpm.engine.history.HistoricProcessInstance::getBusinessKey)
				.containsExactlyInAnyOrder("DEMO-SO-4", "DEMO-SO-5", "DEMO-SO-6");
			assertThat(history.createHistoricProcessInstanceQuery()
				.processDefinitionKey("SmartCityProjectProcess")
				.processInstanceBusinessKey("DEMO-SO-5")
				.singleResult()
				.getStartTime()).as("the demo history goes back a year")
				.isBefore(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(300))));
			var tasks = engine.getTaskService();
			for (String stage : java.util.List.of("Task_CoSignProjectIdea", "Task_VoteOnProjectIdea",
					"Task_ScheduleConsultation", "Task_ReviseProjectIdea")) {
				assertThat(tasks.createTaskQuery().taskDefinitionKey(stage).count()).as(stage).isPositive();
			}
			assertThat(tasks.createTaskQuery().dueBefore(new java.util.Date()).list())
				.as("only the treasury in Menden is late, although the demo's steps lie in the past")
				.extracting(org.camunda.bpm.engine.task.Task::getTenantId)
				.containsOnly("menden");
		}
		try (ConfigurableApplicationContext second = demo.run()) {
			assertThat(second.getBean(org.camunda.bpm.engine.ProcessEngine.class)
				.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey("SmartCityProjectProcess")
				.count()).as("no second set on the next start").isEqualTo(8);
		}
	}

	@Test
	void demoProfileRefusesAProductionDatabase() {
		assumeTrue(TestProfiles.onPostgres(), "needs the PostgreSQL of the second pass");

		Throwable failure = catchThrowable(() -> SeparateApplication.withProfiles()
			.property("spring.datasource.url", System.getenv("RATSWEG_DB_URL"))
			.property("spring.datasource.username", System.getenv("RATSWEG_DB_USER"))
			.property("spring.datasource.password", System.getenv("RATSWEG_DB_PASSWORD"))
			.run()
			.close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.hasMessageContaining("runs only on the embedded H2 database");
	}

}
