package de.ratsweg.modeling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.WebappSession;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Prozesse bearbeiten" and "Laufende Vorhaben umstellen" change what runs: every one of
 * their endpoints, and the editors' files, answer 403 to anyone logged in who is not an
 * administrator, also with a valid CSRF token; without a login the browser goes to the
 * login page. The endpoints are read from Spring MVC's mappings, so that a new one is
 * checked the day it appears.
 */
@RatswegSpringTest
class OnlyAdministratorsEditProcessesTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String MODEL = "ReviewRequestProcess.bpmn";

	private static final String EDIT = "{\"name\":\"" + MODEL + "\",\"content\":\"<x/>\",\"version\":\"0\"}";

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final TestRestTemplate http;

	private final RequestMappingHandlerMapping mvc;

	@Autowired
	OnlyAdministratorsEditProcessesTest(TestRestTemplate http,
			RequestMappingHandlerMapping requestMappingHandlerMapping) {
		this.http = http;
		this.mvc = requestMappingHandlerMapping;
	}

	@Test
	void everyEndpointAndEveryEditorFileIsRefusedToStaffAndBoardMembers() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).extracting(Endpoint::path)
			.contains("/prozesse", "/prozesse/bearbeiten", "/prozesse/modell", "/prozesse/pruefen",
					"/prozesse/vergleich", "/prozesse/veroeffentlichen", "/prozesse/umstellen",
					"/prozesse/umstellen/{processKey}");

		for (String user : List.of(DemoRoster.STAFF, DemoRoster.COMMITTEE_OFFICE, DemoRoster.BOARD_MEMBER)) {
			WebappSession session = WebappSession.login(this.http, "welcome", user, DemoRoster.PASSWORD);
			String token = csrfToken(session);
			for (Endpoint endpoint : endpoints) {
				ResponseEntity<String> answer = call(session, endpoint, token);
				assertThat(answer.getStatusCode().value()).as("%s %s for %s", endpoint.method(), endpoint.path(), user)
					.isEqualTo(403);
				assertThat(String.valueOf(answer.getBody())).doesNotContain("<bpmn:", "bpmn:definitions")
					.contains("Nur für die Administration");
			}
			for (String file : List.of("/prozesse/editor.js", "/prozesse/prozesse.css",
					"/prozesse/lib/bpmn/camunda-platform-modeler.production.min.js", "/prozesse/lib/form/LICENSE")) {
				assertThat(session.get(file).getStatusCode().value()).as("%s for %s", file, user).isEqualTo(403);
			}
		}
	}

	@Test
	void administratorsGetThePagesAndTheEditorsFiles() {
		WebappSession admin = WebappSession.login(this.http, "welcome", DemoRoster.ADMIN, DemoRoster.PASSWORD);
		String token = csrfToken(admin);

		ResponseEntity<String> list = admin.get("/prozesse");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		assertThat(list.getBody()).contains("Prozesse bearbeiten", MODEL);
		assertThat(admin.get("/prozesse/bearbeiten?datei=" + MODEL).getBody())
			.contains("camunda-platform-modeler.production.min.js", "Prüfen", "Veröffentlichen");
		assertThat(admin.get("/prozesse/modell?datei=" + MODEL).getBody()).contains("\"version\"", "bpmn:definitions");
		assertThat(admin.post("/prozesse/pruefen?_csrf=" + token, EDIT).getBody()).as("checked, with findings")
			.contains("\"findings\"", "Das Modell entspricht nicht dem BPMN-Schema");
		assertThat(admin.get("/prozesse/lib/bpmn/camunda-platform-modeler.production.min.js").getStatusCode().value())
			.isEqualTo(200);
		assertThat(admin.get("/prozesse/lib/bpmn/LICENSE").getBody()).contains("MIT");
		assertThat(admin.get("/prozesse/umstellen").getStatusCode().value()).isEqualTo(200);
		assertThat(admin.get("/prozesse/modell?datei=../pom.xml").getStatusCode().value())
			.as("only the folder's models")
			.isEqualTo(404);
	}

	@Test
	void withoutALoginTheBrowserGoesToTheLoginPage() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (String path : List.of("/prozesse", "/prozesse/bearbeiten?datei=" + MODEL, "/prozesse/umstellen",
				"/prozesse/lib/bpmn/camunda-platform-modeler.production.min.js")) {
			HttpResponse<String> answer = client.send(
					HttpRequest.newBuilder(URI.create(this.http.getRootUri() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/camunda/app/welcome/default/#!/login"));
		}
	}

	/** A valid CSRF token of the session, from a page everybody may open. */
	private static String csrfToken(WebappSession session) {
		Matcher token = CSRF.matcher(String.valueOf(session.get("/vertretung").getBody()));
		assertThat(token.find()).as("the absence page carries a CSRF token").isTrue();
		return token.group(1);
	}

	private static ResponseEntity<String> call(WebappSession session, Endpoint endpoint, String token) {
		String path = endpoint.path().replace("{processKey}", "SmartCityProjectProcess");
		if (endpoint.method() == RequestMethod.GET) {
			return session.get(path + "?datei=" + MODEL);
		}
		if (path.startsWith("/prozesse/umstellen")) {
			return session.postForm(path, Map.of("_csrf", token, "aktion", "umstellen", "vorhaben", "1"));
		}
		return session.send(HttpMethod.valueOf(endpoint.method().name()), path + "?_csrf=" + token, EDIT);
	}

	private List<Endpoint> endpoints() {
		Set<Endpoint> endpoints = new TreeSet<>();
		this.mvc.getHandlerMethods().forEach((info, method) -> {
			for (String path : info.getPatternValues()) {
				if (path.equals("/prozesse") || path.startsWith("/prozesse/")) {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					(methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
						.forEach((requestMethod) -> endpoints.add(new Endpoint(path, requestMethod)));
				}
			}
		});
		return new ArrayList<>(endpoints);
	}

	private record Endpoint(String path, RequestMethod method) implements Comparable<Endpoint> {

		@Override
		public int compareTo(Endpoint other) {
			return (this.path + this.method).compareTo(other.path + other.method);
		}

	}

}
