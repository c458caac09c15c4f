package de.ratsweg;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The postgres profile: the pool is sized for job executor plus web requests, and every
 * statement has a server-side timeout.
 */
@RatswegSpringTest
class PostgresProfileTest {

	@Autowired
	DataSource dataSource;

	@Test
	void statementsHaveATimeoutAndThePoolIsSizedForJobExecutorAndWeb() {
		assumeTrue(TestProfiles.onPostgres(), "only in the PostgreSQL pass");

		String timeout = new JdbcTemplate(this.dataSource).queryForObject("SHOW statement_timeout", String.class);

		assertThat(timeout).isEqualTo("1min");
		assertThat(((HikariDataSource) this.dataSource).getMaximumPoolSize()).isGreaterThanOrEqualTo(20);
	}

}
