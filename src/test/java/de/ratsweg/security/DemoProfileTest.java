package de.ratsweg.security;

import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

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
