package de.ratsweg.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.ratsweg.RatswegSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing answers without a login except the health check and the login pages. The
 * endpoints are not listed by hand: they are read from the engine REST API's resources,
 * the actuator's endpoints and Spring MVC's mappings, so that a new endpoint is checked
 * the day it appears.
 */
@RatswegSpringTest
class EveryEndpointNeedsALoginTest {

	/** The accessibility statement. */
	private static final String STATEMENT = "/barrierefreiheit";

	private final TestRestTemplate http;

	private final PathMappedEndpoints actuator;

	private final RequestMappingHandlerMapping mvc;

	@Autowired
	EveryEndpointNeedsALoginTest(TestRestTemplate http, PathMappedEndpoints actuator,
			RequestMappingHandlerMapping requestMappingHandlerMapping) {
		this.http = http;
		this.actuator = actuator;
		this.mvc = requestMappingHandlerMapping;
	}

	@Test
	void noResourceOfTheEngineRestApiAnswersWithoutLogin() {
		List<String> paths = engineRestResources();
		assertThat(paths).as("the engine REST API's resources").hasSizeGreaterThan(30).contains("/task", "/deployment");

		for (String resource : paths) {
			assertNeedsLogin("/engine-rest" + resource);
			assertNeedsLogin("/engine-rest/engine/default" + resource);
		}
		assertNeedsLogin("/engine-rest/engine");
	}

	@Test
	void noResourceOfTheWebappsApiAnswersWithoutLogin() {
		for (String resource : engineRestResources()) {
			assertNeedsLogin("/camunda/api/engine/engine/default" + resource);
		}
		for (String plugin : List.of("/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
				"/camunda/api/cockpit/plugin/base/default/incident",
				"/camunda/api/admin/plugin/adminPlugins/default/users")) {
			assertNeedsLogin(plugin);
		}
	}

	@Test
	void ofTheActuatorOnlyHealthAnswersWithoutLogin() {
		Set<String> paths = new TreeSet<>(this.actuator.getAllPaths());
		assertThat(paths).contains("/actuator/health", "/actuator/metrics");

		for (String path : paths) {
			if (path.equals("/actuator/health")) {
				assertThat(this.http.getForEntity(path, String.class).getStatusCode().value()).isEqualTo(200);
			}
			else {
				assertNeedsLogin(path);
			}
		}
		assertNeedsLogin("/actuator");
	}

	@Test
	void ratswegsOwnEndpointsNeedALogin() {
		List<String> paths = new ArrayList<>();
		this.mvc.getHandlerMethods().keySet().forEach((info) -> paths.addAll(info.getPatternValues()));

		for (String path : paths) {
			// The login page asks how users log in (single sign-on or password); the
			// accessibility statement is for everybody (BITV 2.0), also before the login.
			if (!path.equals("/error") && !path.equals(SignInOptions.PATH) && !path.equals(STATEMENT)) {
				assertNeedsLogin(path.replaceAll("\\{[^}]*}", "x"));
			}
		}
		assertNeedsLogin("/api/anything");
	}

	@Test
	void theLoginPagesAnswerWithoutLogin() {
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			assertThat(
					this.http.getForEntity("/camunda/app/" + app + "/default/", String.class).getStatusCode().value())
				.as(app)
				.isEqualTo(200);
		}
		// The login page asks how users log in: here with a password only.
		assertThat(this.http.getForObject(SignInOptions.PATH, String.class))
			.isEqualTo("{\"singleSignOn\":false,\"passwordLogin\":true}")
			.doesNotContain("secret");
		assertThat(this.http.getForObject(STATEMENT, String.class)).contains("Erklärung zur Barrierefreiheit");
		// The login page asks which engines there are (only their names).
		assertThat(this.http.getForObject("/camunda/api/engine/engine", String.class))
			.matches("\\[\\{\"name\":\"[\\w-]+\"}(,\\{\"name\":\"[\\w-]+\"})*]")
			.contains("{\"name\":\"default\"}");
	}

	/** The resource paths of the engine REST API, with path parameters filled in. */
	static List<String> engineRestResources() {
		List<String> paths = new ArrayList<>();
		for (Method method : DefaultProcessEngineRestServiceImpl.class.getMethods()) {
			Path path = method.getAnnotation(Path.class);
			if (path != null) {
				paths.add(path.value().replaceAll("\\{[^}]*}", "x"));
			}
		}
		return paths;
	}

	/**
	 * Without login an endpoint answers 401 or 403, and a page sends the browser to the
	 * webapps' login (a redirect, not followed here).
	 */
	private void assertNeedsLogin(String path) {
		for (String method : List.of("GET", "POST")) {
			java.net.http.HttpResponse<String> response = send(method, path);
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElse(""))
					.as("%s %s without login goes to the login page", method, path)
					.endsWith("/camunda/app/welcome/default/#!/login");
			}
			else {
				assertThat(response.statusCode()).as("%s %s without login", method, path).isIn(401, 403);
			}
		}
	}

	private java.net.http.HttpResponse<String> send(String method, String path) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + path))
					.method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
