package de.ratsweg.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.TestProfiles;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine clients of {@code /engine-rest} and {@code /api} with a bearer token of the
 * city's provider instead of a password: the token of a Soest clerk sees what the clerk
 * sees with a password, nothing of Menden; an expired token and a token of another
 * provider are refused with 401.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_ONLY_TAG)
class BearerTokenTest {

	private static final String TASKS = "/engine-rest/task?firstResult=0&maxResults=100&taskDefinitionKey="
			+ "Task_CoSignProjectIdea";

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	private final RestWork rest;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	BearerTokenTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@Test
	void aSoestClerksTokenListsOnlySoestsTasks() {
		String soest = waitingForTheTreasury(DemoRoster.STAFF);
		String menden = waitingForTheTreasury(DemoRoster.MENDEN_STAFF);
		String token = ProviderLogin.accessToken(IdentityServers.issuer(), TestIdentityProvider.TOOL_CLIENT,
				TestIdentityProvider.TOOL_SECRET, DemoRoster.TREASURY, DemoRoster.PASSWORD);

		ResponseEntity<List<Map<String, Object>>> tasks = this.http.exchange(TASKS, HttpMethod.GET, bearer(token),
				RestWork.LIST);
		assertThat(tasks.getStatusCode().value()).isEqualTo(200);
		assertThat(tasks.getBody()).extracting((task) -> task.get("id")).contains(soest).doesNotContain(menden);
		assertThat(tasks.getBody()).extracting((task) -> task.get("tenantId")).containsOnly(DemoRoster.SOEST);
		assertThat(this.rest.tasks(DemoRoster.TREASURY, "taskDefinitionKey=Task_CoSignProjectIdea"))
			.as("the same as with the clerk's password")
			.extracting((task) -> task.get("id"))
			.containsExactlyInAnyOrderElementsOf(tasks.getBody().stream().map((task) -> task.get("id")).toList());
		assertThat(this.http.exchange("/engine-rest/task/" + menden, HttpMethod.GET, bearer(token), String.class)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.http.exchange("/api/absences", HttpMethod.GET, bearer(token), String.class)
			.getStatusCode()
			.value()).as("Ratsweg's own API takes the token too").isNotIn(401, 403);
	}

	@Test
	void anExpiredTokenIsRefused() throws InterruptedException {
		String token = ProviderLogin.accessToken(IdentityServers.issuer(), TestIdentityProvider.SHORT_LIVED_CLIENT,
				TestIdentityProvider.SHORT_LIVED_SECRET, DemoRoster.TREASURY, DemoRoster.PASSWORD);
		Thread.sleep(2_000);
		ResponseEntity<String> response = this.http.exchange(TASKS, HttpMethod.GET, bearer(token), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
	}

	@Test
	void aTokenOfAnotherProviderIsRefused() {
		try (ConfigurableApplicationContext foreign = TestIdentityProvider
			.start(System.getProperty("ratsweg.test.ldap.url"))) {
			String token = ProviderLogin.accessToken(TestIdentityProvider.issuerOf(foreign),
					TestIdentityProvider.TOOL_CLIENT, TestIdentityProvider.TOOL_SECRET, DemoRoster.TREASURY,
					DemoRoster.PASSWORD);
			ResponseEntity<String> response = this.http.exchange(TASKS, HttpMethod.GET, bearer(token), String.class);
			assertThat(response.getStatusCode().value()).isEqualTo(401);
		}
		assertThat(this.http.exchange(TASKS, HttpMethod.GET, bearer("kein.gueltiges.token"), String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	private static HttpEntity<Void> bearer(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return new HttpEntity<>(headers);
	}

	private String waitingForTheTreasury(String staff) {
		return ProjectWork.taskOfGroup(this.engine, ProjectWork.ideaSubmittedBy(this.rest, staff, "token"),
				"kaemmerei");
	}

}
