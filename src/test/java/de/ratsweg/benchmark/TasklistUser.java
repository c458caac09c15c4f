package de.ratsweg.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One user of Tasklist as the browser talks to Ratsweg: a session cookie from the webapp
 * login, the CSRF token of the session in the {@code X-XSRF-TOKEN} header, and the
 * webapps' engine API under {@code /camunda/api/engine/engine/default}.
 */
final class TasklistUser {

	static final String API = "/camunda/api/engine/engine/default";

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrfToken;

	TasklistUser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Opens Tasklist and logs in; fails unless the login succeeds. */
	void login(String user, String password) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		HttpResponse<String> login = send(
				HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (login.statusCode() != 200) {
			throw new IllegalStateException(user + " could not log in to Tasklist: " + login.statusCode());
		}
		// the login starts a new session; its CSRF token comes with the next request
		get("/camunda/api/admin/auth/user/default");
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
	}

	HttpResponse<String> getHal(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/hal+json").GET());
	}

	HttpResponse<String> post(String path, String json, String accept) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String token = token();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		response.headers().firstValue("X-XSRF-TOKEN").ifPresent((value) -> this.csrfToken = value);
		return response;
	}

	private String token() {
		if (this.csrfToken != null) {
			return this.csrfToken;
		}
		for (HttpCookie cookie : this.cookies.getCookieStore().getCookies()) {
			if ("XSRF-TOKEN".equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

}
