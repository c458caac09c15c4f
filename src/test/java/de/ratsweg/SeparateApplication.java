package de.ratsweg;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Ratsweg a second time inside the test JVM, without web server and job executor,
 * to see what start-up itself does. Each start gets its own engine name so that it never
 * replaces the engine of the shared test context, and, on H2, a database of its own
 * unless one is given.
 */
public final class SeparateApplication {

	private final List<String> profiles = new ArrayList<>();

	private final List<String> arguments = new ArrayList<>();

	private String h2Database = "separate-" + UUID.randomUUID();

	private SeparateApplication(String... profiles) {
		this.profiles.addAll(List.of(profiles));
	}

	/**
	 * With the profiles of the test run ({@code test}, and {@code postgres} in that
	 * pass).
	 */
	public static SeparateApplication withTestProfiles() {
		return new SeparateApplication(TestProfiles.profiles());
	}

	/** With exactly these profiles, on H2. */
	public static SeparateApplication withProfiles(String... profiles) {
		return new SeparateApplication(profiles);
	}

	public SeparateApplication property(String name, String value) {
		this.arguments.add("--" + name + "=" + value);
		return this;
	}

	/** Uses the named in-memory H2 database, so that two starts can share it. */
	public SeparateApplication h2Database(String name) {
		this.h2Database = name;
		return this;
	}

	public String h2Url() {
		return "jdbc:h2:mem:" + this.h2Database + ";DB_CLOSE_DELAY=-1";
	}

	public ConfigurableApplicationContext run() {
		List<String> args = new ArrayList<>(this.arguments);
		args.add("--camunda.bpm.process-engine-name=separate" + UUID.randomUUID().toString().substring(0, 8));
		args.add("--camunda.bpm.job-execution.enabled=false");
		if (this.arguments.stream().noneMatch((argument) -> argument.startsWith("--ratsweg.processes.location="))) {
			args.add("--ratsweg.processes.location=src/test/resources/processes");
		}
		if (!this.profiles.contains("postgres")
				&& this.arguments.stream().noneMatch((argument) -> argument.startsWith("--spring.datasource.url="))) {
			args.add("--spring.datasource.url=" + h2Url());
		}
		args.add("--server.port=0");
		// Camunda's webapp filters keep a static reference to the first application
		// context of
		// the JVM; a second context must not bring the webapps along.
		args.add("--camunda.bpm.webapp.enabled=false");
		return new SpringApplicationBuilder(RatswegApplication.class).web(WebApplicationType.SERVLET)
			.profiles(this.profiles.toArray(String[]::new))
			.run(args.toArray(String[]::new));
	}

}
