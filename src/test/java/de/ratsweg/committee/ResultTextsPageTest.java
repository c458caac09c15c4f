package de.ratsweg.committee;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.WebappSession;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators see which result texts the result table did not read, how often each
 * came and what the committee office chose; nobody else does.
 */
@RatswegSpringTest
class ResultTextsPageTest {

	private final TestRestTemplate http;

	private final ResultTextLog log;

	private final ApplicationContext context;

	@Autowired
	ResultTextsPageTest(TestRestTemplate http, ResultTextLog log, ApplicationContext context) {
		this.http = http;
		this.log = log;
		this.context = context;
	}

	@BeforeEach
	void createTheDemoUsers() {
		DemoRoster.createIn(this.context);
	}

	@Test
	void administratorsSeeTheUnreadTextsWithTheOfficesChoices() {
		String text = "Mit Beschlussfassung zur Vorlage gegenstandslos " + System.nanoTime();
		this.log.unmapped("soest", text);
		this.log.unmapped("menden", text);
		this.log.chosen("soest", text, CommitteeResolution.NOTED);

		ResponseEntity<String> page = WebappSession.login(this.http, "welcome", DemoRoster.ADMIN, DemoRoster.PASSWORD)
			.get("/uebersicht/ergebnistexte");

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("Unbekannte Ergebnistexte der Ratsinformationssysteme", text,
				"soest, menden", "zur Kenntnis genommen (1×)");
	}

	@Test
	void staffAreRefusedInGerman() {
		ResponseEntity<String> page = WebappSession.login(this.http, "welcome", DemoRoster.STAFF, DemoRoster.PASSWORD)
			.get("/uebersicht/ergebnistexte");

		assertThat(page.getStatusCode().value()).isEqualTo(403);
		assertThat(page.getBody()).contains("Nur für die Administration").doesNotContain("gegenstandslos");
	}

}
