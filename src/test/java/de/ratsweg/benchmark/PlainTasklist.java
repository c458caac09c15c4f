package de.ratsweg.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import de.ratsweg.cosigning.CoSigning;

/**
 * The baseline of B2: plain Camunda 7 with its own Tasklist, login and REST API, set up
 * the way an operator would without Ratsweg, for the same co-signing work. It runs in a
 * JVM of its own (started by {@link NodeBenchmark} from the benchmark's class path) with
 * {@code plain-tasklist.yaml} instead of Ratsweg's configuration, and none of Ratsweg's
 * Spring beans except the one the co-signing model calls ({@code coSigning}). What it
 * sets up at start:
 * <ul>
 * <li>one deployment per municipality (tenant) with the co-signing model, its decision
 * table (the municipality's own where it has one) and its two forms, as Camunda's guide
 * to multi-tenancy suggests ("one tenant per deployment");</li>
 * <li>the municipalities as tenants, the co-signing departments as groups;</li>
 * <li>the filter „Aufgaben meiner Gruppen“ with the same query as Ratsweg's (candidate
 * user, assigned tasks included, by due date) and two process variables as columns;</li>
 * <li>for the groups: access to Tasklist, reading the filter and the process definitions.
 * The tasks themselves are granted by Camunda's default authorization provider to their
 * candidate groups.</li>
 * </ul>
 * Spring Security, Flyway and Spring Session, which Ratsweg brings onto the class path,
 * stay off: sessions are the servlet container's, the webapps authenticate themselves,
 * and the REST API under {@code /engine-rest} is open (the benchmark sets up users and
 * starts processes through it).
 * <p>
 * Not a {@code @Configuration}: Ratsweg's own component scan covers this package in
 * tests, and must not find it. As the primary source of its application it is a
 * configuration all the same.
 */
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
		"org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
		"org.springframework.boot.autoconfigure.ldap.LdapAutoConfiguration" })
@Import(CoSigning.class)
public class PlainTasklist {

	static final String FILTER = "Aufgaben meiner Gruppen";

	static final String PROCESS = "DepartmentCoSigningProcess";

	static final List<String> FILES = List.of("DepartmentCoSigningProcess.bpmn", "CoSigningDepartmentsDecision.dmn",
			"CoSignProjectIdeaForm.form", "FollowUpMissingStatementsForm.form");

	public static void main(String[] arguments) {
		NoFurtherEngines.markFound();
		new SpringApplicationBuilder(PlainTasklist.class).properties("spring.config.name=plain-tasklist")
			.run(arguments);
	}

	@Bean
	ApplicationRunner setUpCoSigning(ProcessEngine engine, @Value("${plain-tasklist.processes}") Path processes,
			@Value("${plain-tasklist.tenants}") List<String> tenants,
			@Value("${plain-tasklist.groups}") List<String> groups) {
		return (arguments) -> {
			if (engine.getRepositoryService().createDeploymentQuery().count() > 0) {
				return;
			}
			IdentityService identity = engine.getIdentityService();
			for (String tenant : tenants) {
				identity.saveTenant(identity.newTenant(tenant));
				deploy(engine, processes, tenant);
			}
			FilterService filters = engine.getFilterService();
			Filter filter = filters.newTaskFilter(FILTER);
			filter.setQuery(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateUserExpression("${currentUser()}")
				.includeAssignedTasks()
				.orderByDueDate()
				.asc());
			filter.setProperties(Map.of("priority", -10, "refresh", true, "variables",
					List.of(Map.of("name", "projectTitle", "label", "Vorhaben"),
							Map.of("name", "estimatedCost", "label", "Kosten"))));
			String filterId = filters.saveFilter(filter).getId();
			for (String group : groups) {
				identity.saveGroup(identity.newGroup(group));
				grant(engine.getAuthorizationService(), group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
				grant(engine.getAuthorizationService(), group, Resources.FILTER, filterId, Permissions.READ);
				grant(engine.getAuthorizationService(), group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
			}
		};
	}

	/**
	 * Camunda's webapps look for further engines on the class path
	 * ({@code camunda.cfg.xml}) on first use; the test classes hold one for Ratsweg's
	 * process tests, which is no part of the baseline.
	 */
	private static final class NoFurtherEngines extends ProcessEngines {

		static void markFound() {
			isInitialized = true;
		}

	}

	private static void deploy(ProcessEngine engine, Path processes, String tenant) {
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name("co-signing-" + tenant)
			.tenantId(tenant);
		for (String name : FILES) {
			Path own = processes.resolve(tenant).resolve(name);
			Path file = Files.isRegularFile(own) ? own : processes.resolve(name);
			try {
				deployment.addInputStream(name, new ByteArrayInputStream(Files.readAllBytes(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		deployment.deploy();
	}

	private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
			Permission permission) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		authorizations.saveAuthorization(grant);
	}

}
