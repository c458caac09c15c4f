package de.ratsweg.substitution;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.Dates;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page "Vertretung bei Abwesenheit": reached with the webapps' login, German, and a
 * refused form keeps what was typed.
 */
@RatswegSpringTest
class AbsencePageTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final ApplicationContext context;

	private final TestRestTemplate http;

	private final JdbcClient jdbc;

	@Autowired
	AbsencePageTest(ApplicationContext context, TestRestTemplate http, JdbcClient jdbc) {
		this.context = context;
		this.http = http;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void createTheDemoUsers() {
		DemoRoster.createIn(this.context);
		this.jdbc.sql("DELETE FROM ratsweg_absence").update();
	}

	@Test
	void withoutALoginThePageSendsTheBrowserToTheWebappsLogin() throws Exception {
		java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + "/vertretung"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/camunda/app/welcome/default/#!/login"));
	}

	@Test
	void aLoggedInUserRecordsTheirAbsenceAndARefusalKeepsTheForm() {
		WebappSession session = WebappSession.login(this.http, "tasklist", DemoRoster.TREASURY, DemoRoster.PASSWORD);
		ResponseEntity<String> page = session.get("/vertretung");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody())
			.contains("<html lang=\"de\"", "Vertretung bei Abwesenheit", "Thomas Schulz", "Andrea Kaiser (akaiser)")
			.doesNotContain("Gabi Hartmann", "Jonas Wagner");
		String first = Dates.today().plusDays(7).toString();
		String last = Dates.today().plusDays(9).toString();

		ResponseEntity<String> withoutToken = session.postForm("/vertretung",
				Map.of("firstDay", first, "lastDay", last, "substituteId", "akaiser"));
		assertThat(withoutToken.getStatusCode().value()).as("no CSRF token").isEqualTo(403);

		ResponseEntity<String> refused = session.postForm("/vertretung", Map.of("_csrf", csrf(page.getBody()),
				"firstDay", last, "lastDay", first, "substituteId", "akaiser", "note", "Fortbildung <b>Haushalt</b>"));
		assertThat(refused.getStatusCode().value()).isEqualTo(200);
		assertThat(refused.getBody()).contains("Der letzte Tag liegt vor dem ersten Tag.", "value=\"" + last + "\"",
				"value=\"Fortbildung &lt;b&gt;Haushalt&lt;/b&gt;\"");

		ResponseEntity<String> notADay = session.postForm("/vertretung", Map.of("_csrf", csrf(refused.getBody()),
				"firstDay", "31.02.2026", "lastDay", last, "substituteId", "akaiser", "note", "Fortbildung"));
		assertThat(notADay.getStatusCode().value()).isEqualTo(200);
		assertThat(notADay.getBody()).contains(
				"Der erste Tag „31.02.2026“ ist kein Datum; bitte im Kalender wählen oder als JJJJ-MM-TT angeben.",
				"value=\"31.02.2026\"", "value=\"" + last + "\"", "value=\"Fortbildung\"");

		ResponseEntity<String> recorded = session.postForm("/vertretung", Map.of("_csrf", csrf(notADay.getBody()),
				"firstDay", first, "lastDay", last, "substituteId", "akaiser", "note", "Fortbildung"));
		// the browser follows the redirect to the page with the message
		assertThat(recorded.getStatusCode().value()).isEqualTo(200);
		assertThat(recorded.getBody()).contains("Abwesenheit vom " + Dates.german(LocalDate.parse(first)) + " bis "
				+ Dates.german(LocalDate.parse(last)) + " eingetragen; Vertretung: Andrea Kaiser.", "geplant");
	}

	private static String csrf(String html) {
		Matcher token = CSRF.matcher(html);
		assertThat(token.find()).as("the form carries a CSRF token").isTrue();
		return token.group(1);
	}

}
