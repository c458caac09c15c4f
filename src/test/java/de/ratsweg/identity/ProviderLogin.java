package de.ratsweg.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A machine client of the city getting a user's access token from the provider the way
 * OpenID Connect prescribes (authorization code): it opens the provider's authorization
 * page, logs in on the provider's own login form and exchanges the code for tokens. No
 * token is made up.
 */
final class ProviderLogin {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private ProviderLogin() {
	}

	/** An access token for the user, issued to the client. */
	static String accessToken(String issuer, String clientId, String secret, String user, String password) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String redirect = TestIdentityProvider.TOOL_REDIRECT;
		String authorize = issuer + "/oauth2/authorize?response_type=code&scope=openid&state=werkzeug&client_id="
				+ clientId + "&redirect_uri=" + encode(redirect);
		send(http, get(authorize));
		String loginPage = send(http, get(issuer + "/login")).body();
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("The provider's login page has no CSRF token: " + loginPage);
		}
		HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(issuer + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1))))
			.build());
		String location = login.headers().firstValue("Location").orElse("");
		for (int hop = 0; hop < 5 && !location.startsWith(redirect); hop++) {
			if (location.isEmpty() || location.contains("/login?error")) {
				throw new IllegalStateException("The provider refused the login of " + user);
			}
			location = send(http, get(absolute(issuer, location))).headers().firstValue("Location").orElse("");
		}
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		if (!code.find()) {
			throw new IllegalStateException("No authorization code in " + location);
		}
		HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + encode(redirect)))
			.build());
		try {
			Map<?, ?> body = new ObjectMapper().readValue(tokens.body(), Map.class);
			Object token = body.get("access_token");
			if (token == null) {
				throw new IllegalStateException("No access token: " + tokens.body());
			}
			return token.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fills in the provider's own login page, as a person does: the page with its CSRF
	 * token, then the form.
	 */
	static HttpResponse<String> submitLoginForm(HttpClient http, String loginPage, String user, String password) {
		String page = send(http, get(loginPage)).body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("The provider's login page has no CSRF token: " + page);
		}
		return send(http, HttpRequest.newBuilder(URI.create(loginPage))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1))))
			.build());
	}

	private static String absolute(String issuer, String location) {
		return location.startsWith("http") ? location : issuer + location;
	}

	static HttpRequest get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).GET().build();
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
