package de.ratsweg.identity;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratsweg with single sign-on only (the default of the {@code sso} profile): every page
 * sends the browser to the provider, the webapps' password login is closed, the login
 * page is told so, and someone the provider knows but who is in no Ratsweg group gets a
 * German page instead of the webapps.
 */
@Tag(TestProfiles.IDENTITY_ONLY_TAG)
class SingleSignOnOnlyTest {

	private static ConfigurableApplicationContext ratsweg;

	private static String base;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@BeforeAll
	static void startWithSingleSignOnOnly() {
		ratsweg = SeparateApplication.withTestProfiles().property("ratsweg.identity.sso.password-login", "false").run();
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) ratsweg).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		ratsweg.close();
	}

	@Test
	void everyPageSendsTheBrowserToTheProviderAndThePasswordLoginIsClosed() {
		for (String page : new String[] { "/camunda/app/tasklist/default/", "/uebersicht", "/vertretung" }) {
			HttpResponse<String> response = get(base + page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).as(page)
				.endsWith("/oauth2/authorization/ratsweg");
		}
		HttpResponse<String> login = send(
				HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("username=" + DemoRoster.STAFF + "&password=" + DemoRoster.PASSWORD))
					.build());
		// Refused before Camunda sees it: sent to the provider like every request without
		// a
		// sign-on.
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/oauth2/authorization/ratsweg");
		assertThat(get(base + "/anmeldung/optionen").body())
			.isEqualTo("{\"singleSignOn\":true,\"passwordLogin\":false,\"login\":\"/oauth2/authorization/ratsweg\","
					+ "\"logout\":\"/abmelden\"}");
	}

	@Test
	void someoneTheProviderKnowsButInNoRatswegGroupGetsAGermanPage() {
		HttpResponse<String> landed = signOn("azubi01");
		assertThat(landed.statusCode()).isEqualTo(403);
		assertThat(landed.body()).contains("Kein Zugang zu Ratsweg", "„azubi01“", "nicht freigeschaltet");
	}

	@Test
	void aClerkLandsOnTheWelcomePage() {
		HttpResponse<String> landed = signOn(DemoRoster.STAFF);
		// This second Ratsweg runs without the webapps themselves (SeparateApplication):
		// the sign-on passed when the request reaches them.
		assertThat(landed.uri().toString()).isEqualTo(base + "/camunda/app/welcome/default/");
		assertThat(landed.statusCode()).isNotIn(302, 401, 403);
	}

	/** The browser's way through the provider's login page back to Ratsweg. */
	private HttpResponse<String> signOn(String user) {
		HttpResponse<String> response = get(base + "/oauth2/authorization/ratsweg");
		for (int hop = 0; hop < 10 && response.statusCode() == 302; hop++) {
			String location = response.headers().firstValue("Location").orElseThrow();
			if (location.endsWith("/login")) {
				response = ProviderLogin.submitLoginForm(this.browser, location, user, DemoRoster.PASSWORD);
			}
			else {
				response = get(location.startsWith("/") ? base + location : location);
			}
		}
		return response;
	}

	private HttpResponse<String> get(String uri) {
		return send(ProviderLogin.get(uri));
	}

	private HttpResponse<String> send(HttpRequest request) {
		return ProviderLogin.send(this.browser, request);
	}

}
