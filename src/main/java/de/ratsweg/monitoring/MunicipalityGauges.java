package de.ratsweg.monitoring;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.tenancy.Municipalities;
import de.ratsweg.tenancy.Municipality;

/**
 * What an operator watches per municipality, as Micrometer gauges (Prometheus:
 * {@code /actuator/prometheus}, administrators only), each with the tag
 * {@code municipality}:
 * <ul>
 * <li>{@code ratsweg_tasks_open}: open tasks;</li>
 * <li>{@code ratsweg_tasks_overdue}: open tasks past their due date;</li>
 * <li>{@code ratsweg_incidents_open}: incidents (failed jobs, failed council system
 * look-ups) waiting in Cockpit;</li>
 * <li>{@code ratsweg_jobs_due}: jobs due now and not yet run (the job executor's
 * backlog).</li>
 * </ul>
 * Each is counted by the engine when Prometheus asks (one count query each), as the
 * engine itself, across all users. Features add their own ({@code ratsweg_mails_failed}
 * from {@code engine/notification/FailedMails}); {@code docs/grafana-dashboard.json}
 * shows them.
 */
@Component
public class MunicipalityGauges implements SmartInitializingSingleton {

	private final MeterRegistry registry;

	private final ProcessEngine engine;

	private final Municipalities municipalities;

	private final List<MunicipalityCount> contributed;

	/**
	 * @param contributed the figures other features add (e.g. failed mails)
	 */
	MunicipalityGauges(MeterRegistry registry, ProcessEngine engine, Municipalities municipalities,
			List<MunicipalityCount> contributed) {
		this.registry = registry;
		this.engine = engine;
		this.municipalities = municipalities;
		this.contributed = contributed;
	}

	/**
	 * Registered once every bean is ready, not as a {@code MeterBinder}: a binder is
	 * bound while the registry is set up, early enough to create the engine before its
	 * configuration properties are bound (the engine would start without authorization
	 * checks).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry registry = this.registry;
		for (Municipality municipality : this.municipalities.all()) {
			String tenant = municipality.id();
			gauge(registry, "ratsweg.tasks.open", "Open tasks", tenant,
					(engine) -> engine.getTaskService().createTaskQuery().tenantIdIn(tenant).count());
			gauge(registry, "ratsweg.tasks.overdue", "Open tasks past their due date", tenant,
					(engine) -> engine.getTaskService()
						.createTaskQuery()
						.tenantIdIn(tenant)
						.dueBefore(EngineClock.now())
						.count());
			gauge(registry, "ratsweg.incidents.open", "Open incidents", tenant,
					(engine) -> engine.getRuntimeService().createIncidentQuery().tenantIdIn(tenant).count());
			gauge(registry, "ratsweg.jobs.due", "Jobs due and not yet run", tenant,
					(engine) -> engine.getManagementService().createJobQuery().tenantIdIn(tenant).executable().count());
			for (MunicipalityCount count : this.contributed) {
				gauge(registry, count.name(), count.description(), tenant, (engine) -> count.count(engine, tenant));
			}
		}
	}

	/** A gauge with the tag {@code municipality}, counted when it is read. */
	private void gauge(MeterRegistry registry, String name, String description, String tenant,
			ToDoubleFunction<ProcessEngine> count) {
		Gauge.builder(name, this.engine, count)
			.description(description)
			.tag("municipality", tenant)
			.strongReference(true)
			.register(registry);
	}

}
