package de.ratsweg.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import de.ratsweg.SeparateApplication;
import de.ratsweg.cluster.RatswegNode;

/**
 * The two engines every comparison of the benchmark runs on: a plain Camunda 7 engine
 * configuration with the defaults, and Ratsweg itself (its Spring context with all
 * plugins, settings and migrations), both on a PostgreSQL database of the benchmark.
 */
final class Engines {

	private Engines() {
	}

	/**
	 * Camunda's stand-alone configuration with its defaults, except what the comparison
	 * needs: history level "full" (the level the database was created with; Camunda
	 * refuses another), no job executor, and optionally authorization checks.
	 * @param beans where expressions like {@code ${coSigning.plan(execution)}} find their
	 * beans (Ratsweg's context), or {@code null}
	 * @param statementTimeoutSeconds after which the database cancels a statement, or
	 * {@code null}
	 */
	static ProcessEngine plain(String name, String jdbcUrl, boolean authorization, ApplicationContext beans,
			Integer statementTimeoutSeconds) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcDriver("org.postgresql.Driver");
		configuration.setJdbcUsername(Databases.USER);
		configuration.setJdbcPassword(Databases.PASSWORD);
		configuration.setJdbcMaxActiveConnections(20);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setAuthorizationEnabled(authorization);
		// must be set before the engine is built: MyBatis reads it once
		configuration.setJdbcStatementTimeout(statementTimeoutSeconds);
		// Ratsweg's group and tenant ids have hyphens (fb-it, bad-berleburg)
		configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
		List<ProcessEnginePlugin> plugins = new ArrayList<>();
		if (beans != null) {
			// The models' lists are JSON (Spin), as in Ratsweg; the beans are Ratsweg's.
			plugins.add(new SpinProcessEnginePlugin());
			configuration.setDefaultSerializationFormat("application/json");
			configuration.setExpressionManager(new SpringExpressionManager(beans, null));
		}
		configuration.setProcessEnginePlugins(plugins);
		return configuration.buildProcessEngine();
	}

	/**
	 * Ratsweg in this JVM as the postgres profile runs it (no web apps, no job executor),
	 * on the given database: Flyway migrations, engine settings, plugins, groups, filters
	 * and the models of {@code processes/}.
	 */
	static ConfigurableApplicationContext ratsweg(String jdbcUrl) {
		return SeparateApplication.withProfiles("postgres")
			.property("spring.datasource.url", jdbcUrl)
			.property("spring.datasource.username", Databases.USER)
			.property("spring.datasource.password", Databases.PASSWORD)
			.property("ratsweg.admin.user-id", RatswegNode.ADMIN)
			.property("ratsweg.admin.password", RatswegNode.ADMIN_PASSWORD)
			.property("ratsweg.processes.location", "processes")
			.property("ratsweg.tls", "false")
			.run();
	}

}
