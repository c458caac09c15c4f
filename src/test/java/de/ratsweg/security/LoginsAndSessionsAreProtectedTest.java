package de.ratsweg.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords follow a policy, guessing is slowed down where the guesses come from (never
 * for the real user elsewhere), sessions and pages are protected: session cookies are
 * HttpOnly and SameSite (and Secure with TLS, which is on in the postgres profile),
 * browsers are told to stay on HTTPS, and the pages' Content Security Policy stays
 * strict.
 */
@RatswegSpringTest
class LoginsAndSessionsAreProtectedTest {

	/** Two addresses of the loopback network: an attacker's and the user's. */
	private static final String ATTACKER = "127.0.0.2";

	private static final String REAL_USER = "127.0.0.1";

	private final ApplicationContext context;

	private final TestRestTemplate http;

	private final RestWork rest;

	private final boolean tls;

	private final int port;

	@Autowired
	LoginsAndSessionsAreProtectedTest(ApplicationContext context, TestRestTemplate http,
			@Value("${ratsweg.tls}") boolean tls, @LocalServerPort int port) {
		this.port = port;
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
	void anAttackersWrongPasswordsNeverKeepTheRealUserOut() throws IOException {
		String user = "gezielt" + System.nanoTime();
		this.context.getBean(IdentitySetup.class).ensureUser(user, DemoRoster.PASSWORD, "Gerda", "Gezielt", null);
		// in a work group, so that Tasklist lets her in
		this.context.getBean(org.camunda.bpm.engine.IdentityService.class).createMembership(user, RatswegGroups.STAFF);

		List<Integer> attacker = new ArrayList<>();
		for (int attempt = 0; attempt < 5; attempt++) {
			attacker.add(versionFrom(ATTACKER, user, "Falsch-geraten-" + attempt));
		}
		int attackerWithTheRightPassword = versionFrom(ATTACKER, user, DemoRoster.PASSWORD);
		int realUser = versionFrom(REAL_USER, user, DemoRoster.PASSWORD);
		int realUserInTasklist = WebappSession.open(this.http, "tasklist")
			.tryLogin("tasklist", user, DemoRoster.PASSWORD)
			.getStatusCode()
			.value();

		assertThat(attacker).containsOnly(401);
		assertThat(attackerWithTheRightPassword).as("the attacker's address waits").isEqualTo(401);
		assertThat(realUser).as("the user at her own desk is let in at once").isEqualTo(200);
		assertThat(realUserInTasklist).isEqualTo(200);
	}

	/**
	 * GET /engine-rest/version with Basic credentials, sent from the given local address.
	 */
	private int versionFrom(String address, String user, String password) throws IOException {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /engine-rest/version HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
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
