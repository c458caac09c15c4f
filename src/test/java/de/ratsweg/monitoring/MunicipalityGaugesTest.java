package de.ratsweg.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sees per municipality how much work is open and late: a new project in
 * Soest adds its co-signing tasks to Soest's open tasks and nothing to Menden's; once
 * their deadline has passed they count as overdue.
 */
@RatswegSpringTest
class MunicipalityGaugesTest {

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ProcessEngine engine;

	private final MeterRegistry registry;

	private final RestWork rest;

	@Autowired
	MunicipalityGaugesTest(ProcessEngine engine, MeterRegistry registry, TestRestTemplate http) {
		this.engine = engine;
		this.registry = registry;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@AfterEach
	void clockBack() {
		ClockUtil.reset();
	}

	@Test
	void aNewProjectInSoestCountsInSoestOnlyAndIsOverdueAfterItsDeadline() {
		double soest = gauge("ratsweg.tasks.open", "soest");
		double menden = gauge("ratsweg.tasks.open", "menden");
		double soestOverdue = gauge("ratsweg.tasks.overdue", "soest");

		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				"gauges-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());
		assertThat(started.getStatusCode().value()).isEqualTo(200);
		long coSigners = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId((String) started.getBody().get("id"))
				.singleResult()
				.getBusinessKey())
			.count();

		assertThat(coSigners).isPositive();
		assertThat(gauge("ratsweg.tasks.open", "soest")).isEqualTo(soest + coSigners);
		assertThat(gauge("ratsweg.tasks.open", "menden")).isEqualTo(menden);
		assertThat(gauge("ratsweg.tasks.overdue", "soest")).isEqualTo(soestOverdue);

		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 60L * 24 * 60 * 60 * 1000));
		assertThat(gauge("ratsweg.tasks.overdue", "soest")).as("60 days later")
			.isGreaterThanOrEqualTo(soestOverdue + coSigners);
	}

	@Test
	void theGrafanaDashboardShowsOnlyMetricsRatswegHas() throws IOException {
		String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
		Matcher metric = Pattern.compile("\\b(ratsweg_[a-z_]+)\\{").matcher(dashboard);
		List<String> shown = new ArrayList<>();
		while (metric.find()) {
			shown.add(metric.group(1));
		}

		assertThat(shown).hasSize(5).allSatisfy((name) -> {
			assertThat(this.registry.find(name.replace('_', '.')).tag("municipality", "soest").gauge()).as(name)
				.isNotNull();
		});
	}

	private double gauge(String name, String municipality) {
		return this.registry.get(name).tag("municipality", municipality).gauge().value();
	}

}
