package de.ratsweg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session of a Camunda webapp: its cookies and CSRF token, logged in through
 * the webapp's own login as a user would. Calls go to the webapps' API under
 * {@code /camunda/api}.
 */
public final class WebappSession {

	private final TestRestTemplate http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrfToken;

	private ResponseEntity<String> lastLogin;

	private WebappSession(TestRestTemplate http) {
		this.http = http;
	}

	/** Opens Tasklist's page (session cookie and CSRF token), not logged in yet. */
	public static WebappSession open(TestRestTemplate http, String app) {
		WebappSession session = new WebappSession(http);
		ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
		session.remember(page);
		return session;
	}

	/** Opens the app and logs in; fails the test unless the login succeeds. */
	public static WebappSession login(TestRestTemplate http, String app, String user, String password) {
		WebappSession session = open(http, app);
		ResponseEntity<String> response = session.tryLogin(app, user, password);
		assertThat(response.getStatusCode().value()).as("%s logs in to %s", user, app).isEqualTo(200);
		// The login starts a new session: its CSRF token comes with the next request.
		session.get("/camunda/api/admin/auth/user/default");
		return session;
	}

	public ResponseEntity<String> tryLogin(String app, String user, String password) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		this.lastLogin = this.http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
				new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
		remember(this.lastLogin);
		return this.lastLogin;
	}

	/** Drops the CSRF token, as a forged request from another site would lack it. */
	public WebappSession withoutCsrfToken() {
		this.csrfToken = null;
		return this;
	}

	/** The Set-Cookie headers of the login response. */
	public List<String> loginCookies() {
		List<String> cookies = this.lastLogin.getHeaders().get(HttpHeaders.SET_COOKIE);
		return (cookies != null) ? cookies : List.of();
	}

	public ResponseEntity<String> get(String path) {
		ResponseEntity<String> response = this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()),
				String.class);
		remember(response);
		return response;
	}

	public ResponseEntity<String> post(String path, String json) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
				String.class);
		remember(response);
		return response;
	}

	/** Sends JSON (or nothing, for {@code null}) with any method, as Tasklist does. */
	public ResponseEntity<String> send(HttpMethod method, String path, String json) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.http.exchange(path, method, new HttpEntity<>(json, headers),
				String.class);
		remember(response);
		return response;
	}

	/** Posts an HTML form (URL-encoded fields), as a browser does. */
	public ResponseEntity<String> postForm(String path, Map<String, String> fields) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		String body = fields.entrySet()
			.stream()
			.map((field) -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
		ResponseEntity<String> response = this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
		remember(response);
		return response;
	}

	private HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		List<String> pairs = new ArrayList<>();
		this.cookies.forEach((name, value) -> pairs.add(name + "=" + value));
		if (!pairs.isEmpty()) {
			headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
		}
		if (this.csrfToken != null) {
			headers.add("X-XSRF-TOKEN", this.csrfToken);
		}
		return headers;
	}

	private void remember(ResponseEntity<?> response) {
		List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
		if (setCookies != null) {
			for (String cookie : setCookies) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
		if (token != null) {
			this.csrfToken = token;
		}
	}

}
