package de.ratsweg.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps keep Camunda's own login and CSRF protection and speak German by default;
 * of the actuator only {@code health} is public.
 */
@RatswegSpringTest
class WebappAndActuatorSecurityTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentitySetup identitySetup;

	@BeforeEach
	void staffUser() {
		this.identitySetup.ensureUser(EngineRestSecurityTest.STAFF, EngineRestSecurityTest.PASSWORD, "Sina",
				"Sachbearbeiterin", null);
		this.identitySetup.ensureMembership(EngineRestSecurityTest.STAFF, RatswegGroups.STAFF);
		this.identitySetup.ensureUser(EngineRestSecurityTest.CARELESS, EngineRestSecurityTest.PASSWORD, "Max",
				"Vergesslich", null);
	}

	@Test
	void healthIsPublicAndUp() {
		ResponseEntity<String> response = this.http.getForEntity("/actuator/health", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
	}

	@Test
	void otherActuatorEndpointsNeedAnAdministrator() {
		for (String endpoint : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/sbom",
				"/actuator/sbom/application")) {
			assertThat(this.http.getForEntity(endpoint, String.class).getStatusCode()).as(endpoint)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(this.http.withBasicAuth(EngineRestSecurityTest.STAFF, EngineRestSecurityTest.PASSWORD)
				.getForEntity(endpoint, String.class)
				.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(this.http.withBasicAuth(EngineRestSecurityTest.ADMIN, EngineRestSecurityTest.ADMIN_PASSWORD)
				.getForEntity(endpoint, String.class)
				.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void administratorsReadTheBillOfMaterialsAndTheMetricsPerMunicipality() {
		TestRestTemplate admin = this.http.withBasicAuth(EngineRestSecurityTest.ADMIN,
				EngineRestSecurityTest.ADMIN_PASSWORD);

		String sbom = admin.getForObject("/actuator/sbom/application", String.class);
		String metrics = admin.getForObject("/actuator/prometheus", String.class);

		assertThat(sbom).contains("\"bomFormat\" : \"CycloneDX\"")
			.contains("pkg:maven/org.apache.commons/commons-lang3@3.18.0")
			.contains("pkg:maven/org.camunda.bpm/camunda-engine@7.24.0");
		assertThat(metrics).contains("ratsweg_tasks_open{municipality=\"soest\"}")
			.contains("ratsweg_tasks_overdue{municipality=\"menden\"}")
			.contains("ratsweg_incidents_open{municipality=\"olpe\"}")
			.contains("ratsweg_mails_failed{municipality=\"arnsberg\"}")
			.contains("ratsweg_jobs_due{municipality=\"bad-berleburg\"}");
	}

	@Test
	void firstAdministratorSetupPageIsClosed() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> response = this.http.exchange("/camunda/api/admin/setup/default/user/create",
				HttpMethod.POST,
				new HttpEntity<>("{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}",
						headers),
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.identitySetup.userExists("intruder")).isFalse();
	}

	@Test
	void unknownPathsNeedAuthentication() {
		assertThat(this.http.getForEntity("/somewhere-else", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void tasklistLoginPageLoadsAndSpeaksGermanByDefault() {
		ResponseEntity<String> page = this.http.getForEntity("/camunda/app/tasklist/default/", String.class);
		String config = this.http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
		String german = this.http.getForObject("/camunda/app/tasklist/locales/de.json", String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(config).contains("availableLocales: ['de', 'en']").contains("fallbackLocale: 'de'");
		assertThat(german).contains("\"Anmelden\"");
		assertThat(this.http.getForObject("/camunda/app/welcome/styles/ratsweg-common.css", String.class))
			.contains(".ce-eol-banner");
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			assertThat(this.http.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class)).as(app)
				.contains("@import url(\"../../welcome/styles/ratsweg-common.css\")");
		}
		for (String app : List.of("cockpit", "admin", "welcome")) {
			assertThat(this.http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class)).as(app)
				.contains("fallbackLocale: 'de'");
		}
	}

	@Test
	void webappApiRefusesAnonymousCallsWithoutABrowserLoginBox() {
		ResponseEntity<String> response = this.http.getForEntity("/camunda/api/engine/engine/default/task",
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// A Basic challenge here would make browsers pop up their own login box over the
		// webapp.
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	@Test
	void administratorLogsInToTasklistWithCsrfToken() {
		WebappSession session = WebappSession.open(this.http, "tasklist");

		// A wrong password locks the user for a few seconds (login throttling): use
		// another one.
		ResponseEntity<String> wrongPassword = session.tryLogin("tasklist", EngineRestSecurityTest.CARELESS,
				"wrong-password");
		ResponseEntity<String> loggedIn = session.tryLogin("tasklist", EngineRestSecurityTest.ADMIN,
				EngineRestSecurityTest.ADMIN_PASSWORD);

		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(loggedIn.getBody()).contains("\"userId\":\"testadmin\"").contains("tasklist");
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() {
		WebappSession session = WebappSession.open(this.http, "tasklist").withoutCsrfToken();

		ResponseEntity<String> withoutToken = session.tryLogin("tasklist", EngineRestSecurityTest.ADMIN,
				EngineRestSecurityTest.ADMIN_PASSWORD);

		assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
