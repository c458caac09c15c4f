package de.ratsweg.overview;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of one project: which departments co-sign and why (the rule of the decision
 * table, or named by the lead unit), in the task of each department and on the project
 * page; and a diagram one can move and zoom.
 */
@RatswegSpringTest
class ProjectPageTest {

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final TestRestTemplate http;

	private final RestWork rest;

	@Autowired
	ProjectPageTest(TestRestTemplate http) {
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@Test
	void theTreasuryAndTheProjectPageSayWhyEachDepartmentCoSigns() {
		String businessKey = "page-" + System.nanoTime();
		ResponseEntity<Map<String, Object>> started = this.rest.start(DemoRoster.STAFF, "SmartCityProjectProcess",
				businessKey, ProjectIdeas.smartStreetLighting());
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);

		List<Map<String, Object>> tasks = this.rest.tasks(DemoRoster.TREASURY,
				"processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=Task_CoSignProjectIdea");
		ResponseEntity<Map<String, Map<String, Object>>> formVariables = this.rest.as(DemoRoster.TREASURY)
			.exchange("/engine-rest/task/{id}/form-variables", HttpMethod.GET, null,
					new org.springframework.core.ParameterizedTypeReference<>() {
					}, tasks.get(0).get("id"));
		assertThat(formVariables.getBody()).as("what the form of the treasury's task shows")
			.extractingByKey("coSigningReasons")
			.extracting((variable) -> variable.get("value"))
			.asString()
			.contains("- **Kämmerei**: Das Vorhaben kostet Geld \\(geschätzte Kosten über 0 EUR\\)",
					"- **Fachbereich Umwelt**: Handlungsfeld „Klima und Nachhaltigkeit“; "
							+ "von der federführenden Stelle benannt");

		WebappSession session = WebappSession.login(this.http, "welcome", DemoRoster.STAFF, DemoRoster.PASSWORD);
		ResponseEntity<String> page = session.get("/uebersicht/vorhaben/" + businessKey);

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(text(page.getBody())).contains("Mitzeichnung: wer und warum",
				"Kämmerei Das Vorhaben kostet Geld (geschätzte Kosten über 0 EUR)",
				"Fachbereich IT und Digitalisierung Das Vorhaben ist eine digitale Lösung",
				"Datenschutz Das Vorhaben verarbeitet personenbezogene Daten",
				"Fachbereich Umwelt Handlungsfeld „Klima und Nachhaltigkeit“; von der federführenden Stelle benannt")
			.as("the lead unit does not co-sign its own idea")
			.doesNotContain("Fachbereich Stadtentwicklung");
		assertThat(page.getBody()).as("a diagram to move and zoom")
			.contains("bpmn-navigated-viewer.production.min.js", "data-action=\"zoom-in\"", "data-action=\"whole\"");
	}

	/** The page's text as a reader sees it: no tags, spaces collapsed. */
	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

}
