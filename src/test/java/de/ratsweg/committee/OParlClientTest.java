package de.ratsweg.committee;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OParl client against the fixture server: it reads what the configured server
 * serves, and refuses what could hold a job thread or memory for long.
 */
class OParlClientTest {

	private final OParlFixtureServer oparl = new OParlFixtureServer();

	private final OParlClient client = new OParlClient(OParlClient.httpClient(Duration.ofSeconds(2)),
			new ObjectMapper(), this.oparl.systemUrl(), Duration.ofSeconds(2), 10);

	@AfterEach
	void stopTheServer() {
		this.oparl.stop();
	}

	@Test
	void readsAnObjectOfTheConfiguredServer() {
		assertThat(this.client.object(this.oparl.systemUrl()).path("body").asText())
			.isEqualTo(this.oparl.base() + "/bodies");
	}

	@Test
	void findsAnElementOnALaterPage() {
		assertThat(this.client.find(this.oparl.base() + "/body/soest/papers",
				(paper) -> "2026/0815".equals(paper.path("reference").asText())))
			.hasValueSatisfying((paper) -> assertThat(paper.path("id").asText()).endsWith("/paper/0815"));
	}

	@Test
	void refusesAnAnswerTooBigToRead() {
		this.oparl.serveRaw("/big", "{\"data\": \"" + "x".repeat(OParlClient.MAX_ANSWER_BYTES) + "\"}");

		assertThatThrownBy(() -> this.client.object(this.oparl.base() + "/big")).isInstanceOf(OParlException.class)
			.hasMessageContaining("not reachable")
			.hasRootCauseMessage("answer larger than 5242880 bytes, not read");
	}

	@Test
	void readsAnAnswerWithAByteOrderMarkAndControlCharactersInsideStrings() {
		// as ALLRIS answers: a tab and a line feed unescaped inside a string
		this.oparl.serveRaw("/agendaitem/control", "\uFEFF{\"id\": \"" + this.oparl.base()
				+ "/agendaitem/control\", \"result\": \"einstimmig\tbeschlossen\n\"}");

		assertThat(this.client.object(this.oparl.base() + "/agendaitem/control").path("result").asText())
			.isEqualTo("einstimmig\tbeschlossen\n");
	}

	@Test
	void followsLinksThatPointElsewhereThanWhereTheServerAnswers() {
		// links say /oparl/elsewhere/..., the server answers under /oparl/...
		OParlClient rewriting = new OParlClient(OParlClient.httpClient(Duration.ofSeconds(2)), new ObjectMapper(),
				this.oparl.systemUrl(), Duration.ofSeconds(2), 10, this.oparl.base() + "/elsewhere/",
				this.oparl.base() + "/");

		assertThat(rewriting.object(this.oparl.base() + "/elsewhere/system").path("body").asText())
			.isEqualTo(this.oparl.base() + "/bodies");
		assertThat(this.oparl.requests()).contains("/system").doesNotContain("/elsewhere/system");
	}

}
