package de.ratsweg.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.WebappSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords follow a policy, guessing is slowed down, sessions and pages are protected:
 * session cookies are HttpOnly and SameSite (and Secure with TLS, which is on in the
 * postgres profile), browsers are told to stay on HTTPS, and the pages' Content Security
 * Policy stays strict.
 */
@RatswegSpringTest
class LoginsAndSessionsAreProtectedTest {

	private final ApplicationContext context;

	private final TestRestTemplate http;

	private final RestWork rest;

	private final boolean tls;

	@Autowired
	LoginsAndSessionsAreProtectedTest(ApplicationContext context, TestRestTemplate http,
			@Value("${ratsweg.tls}") boolean tls) {
		this.context = context;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
		this.tls = tls;
	}

	@BeforeEach
	void demoUsers() {
		DemoRoster.createIn(this.context);
	}

	@Test
	void aWeakPasswordIsRefusedWithTheRulesInGerman() {
		String user = """
				{"profile": {"id": "schwach", "firstName": "Sina", "lastName": "Schwach"},
				 "credentials": {"password": "geheim123"}}
				""";

		ResponseEntity<String> response = this.rest.as(DemoRoster.ADMIN)
			.postForEntity("/engine-rest/user/create", RestWork.json(user), String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("Kennwortregeln").contains("mindestens 10 Zeichen");
		assertThat(this.context.getBean(org.camunda.bpm.engine.IdentityService.class)
			.createUserQuery()
			.userId("schwach")
			.count()).isZero();
	}

	@Test
	void afterAWrongPasswordEvenTheRightOneIsRefusedForAWhile() {
		String user = "gerate" + System.nanoTime();
		this.context.getBean(IdentitySetup.class).ensureUser(user, DemoRoster.PASSWORD, "Gerd", "Rater", null);

		int wrong = this.http.withBasicAuth(user, "Falsch-geraten-2026")
			.getForEntity("/engine-rest/version", String.class)
			.getStatusCode()
			.value();
		int rightButTooSoon = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
			.getForEntity("/engine-rest/version", String.class)
			.getStatusCode()
			.value();
		int webappLoginTooSoon = WebappSession.open(this.http, "tasklist")
			.tryLogin("tasklist", user, DemoRoster.PASSWORD)
			.getStatusCode()
			.value();

		assertThat(wrong).isEqualTo(401);
		assertThat(rightButTooSoon).as("the engine delays the next attempt after a failure").isEqualTo(401);
		assertThat(webappLoginTooSoon).isEqualTo(401);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureWhenTlsIsOn() {
		WebappSession session = WebappSession.open(this.http, "tasklist");
		session.tryLogin("tasklist", DemoRoster.STAFF, DemoRoster.PASSWORD);

		List<String> sessionCookies = session.loginCookies()
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.toList();

		assertThat(sessionCookies).isNotEmpty().allSatisfy((cookie) -> {
			assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
			if (this.tls) {
				assertThat(cookie).containsIgnoringCase("Secure");
			}
			else {
				assertThat(cookie).doesNotContainIgnoringCase("Secure");
			}
		});
		assertThat(this.tls).as("TLS is on in the postgres profile").isEqualTo(TestProfiles.onPostgres());
	}

	@Test
	void withTlsBrowsersAreToldToUseHttpsOnly() {
		ResponseEntity<String> page = this.http.getForEntity("/camunda/app/tasklist/default/", String.class);
		ResponseEntity<String> api = this.rest.as(DemoRoster.STAFF).getForEntity("/engine-rest/version", String.class);

		for (ResponseEntity<String> response : List.of(page, api)) {
			String hsts = response.getHeaders().getFirst("Strict-Transport-Security");
			if (this.tls) {
				assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains");
			}
			else {
				assertThat(hsts).isNull();
			}
		}
	}

	@Test
	void tlsIsOneSwitchForCookiesAndHsts() {
		try (ConfigurableApplicationContext withTls = SeparateApplication.withProfiles("test")
			.property("ratsweg.tls", "true")
			.run()) {
			String port = withTls.getEnvironment().getProperty("local.server.port");
			ResponseEntity<String> health = new RestTemplate()
				.getForEntity("http://localhost:" + port + "/actuator/health", String.class);

			assertThat(health.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
			assertThat(withTls.getBean(ServerProperties.class).getServlet().getSession().getCookie().getSecure())
				.isTrue();
			assertThat(withTls.getEnvironment()
				.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class)).isTrue();
		}
	}

	@Test
	void theWebappsKeepAStrictContentSecurityPolicy() {
		ResponseEntity<String> page = this.http.getForEntity("/camunda/app/tasklist/default/", String.class);
		String policy = page.getHeaders().getFirst("Content-Security-Policy");

		assertThat(policy).contains("default-src 'self'")
			.containsPattern("script-src 'nonce-[^']+' 'strict-dynamic'")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'")
			.contains("base-uri 'self'")
			.contains("form-action 'self'");
		assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getBody()).as("no inline script without the page's nonce")
			.doesNotContainPattern("<script(?![^>]*nonce=)[^>]*>\\s*[^<\\s]");
	}

	@Test
	void dataResponsesMayNeitherLoadNorRunNorBeFramed() {
		ResponseEntity<String> api = this.rest.as(DemoRoster.STAFF).getForEntity("/engine-rest/version", String.class);
		ResponseEntity<String> health = this.http.getForEntity("/actuator/health", String.class);

		for (ResponseEntity<String> response : List.of(api, health)) {
			assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
				.isEqualTo("default-src 'none'; frame-ancestors 'none'");
			assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).containsAnyOf("no-store", "no-cache");
		}
	}

}
