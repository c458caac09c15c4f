package de.ratsweg.tenancy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same project idea, submitted in Soest and in Menden, is co-signed by different
 * departments and goes to different committees: Menden has its own co-signing table (the
 * CDO co-signs digital solutions, {@code processes/menden/}) and uses the shared
 * Zuständigkeitsordnung; Soest has its own Zuständigkeitsordnung
 * ({@code processes/soest/}) and uses the shared co-signing table. Driven end to end
 * through the REST API by each city's demo users: each co-signs exactly the tasks its
 * table asks for.
 */
@RatswegSpringTest
class MunicipalityDecisionTablesTest {

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final RestWork rest;

	private final List<String> deploymentIds = new ArrayList<>();

	@Autowired
	MunicipalityDecisionTablesTest(ApplicationContext context, ProcessEngine engine, TestRestTemplate http) {
		this.context = context;
		this.engine = engine;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@BeforeEach
	void deployTheModelsWithTheTablesOfEachMunicipality() {
		DemoRoster.createIn(this.context);
		this.deploymentIds.add(ProcessModels.deployMunicipalProcesses(this.engine));
		this.deploymentIds.addAll(ProcessModels.deployMunicipalityTables(this.engine));
	}

	@AfterEach
	void removeTheModels() {
		this.deploymentIds.forEach((id) -> ProcessModels.undeploy(this.engine, id));
	}

	@Test
	void aProjectOf80000EuroGoesToTheCouncilInSoestButIsDecidedByTheMainCommitteeInMenden() {
		String soest = "soest-" + System.nanoTime();
		String menden = "menden-" + System.nanoTime();

		submitAndApprove(soest, DemoRoster.STAFF,
				List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.DATA_PROTECTION, DemoRoster.ENVIRONMENT),
				DemoRoster.BOARD_OFFICE);
		submitAndApprove(menden, DemoRoster.MENDEN_STAFF,
				List.of(DemoRoster.MENDEN_TREASURY, "lkrueger", "ofriedrich", "cwerner", "ivogel"),
				DemoRoster.MENDEN_BOARD_OFFICE);

		assertThat(coSigningReasons(menden)).as("the annotation of Menden's own rule")
			.contains("- **Chief Digital Officer**: Das Vorhaben ist eine digitale Lösung; "
					+ "in Menden zeichnet jede digitale Lösung auch der Chief Digital Officer mit");
		assertThat(coSigningReasons(soest))
			.contains("- **Fachbereich IT und Digitalisierung**: " + "Das Vorhaben ist eine digitale Lösung")
			.doesNotContain("Chief Digital Officer");
		assertThat(beratungsfolge(soest)).containsExactly("digitalisierung:preliminary", "umwelt:preliminary",
				"hfa:preliminary", "rat:deciding");
		assertThat(beratungsfolge(menden)).containsExactly("digitalisierung:preliminary", "umwelt:preliminary",
				"hfa:deciding");
		assertThat(this.rest.tasks(DemoRoster.COMMITTEE_OFFICE, "processInstanceBusinessKey=" + soest)).singleElement()
			.satisfies((task) -> assertThat((String) task.get("name"))
				.contains("Ausschuss für Digitalisierung und Smart City"));
		assertThat(this.rest.tasks(DemoRoster.MENDEN_COMMITTEE_OFFICE, "processInstanceBusinessKey=" + menden))
			.singleElement()
			.satisfies((task) -> assertThat((String) task.get("name")).contains("Ausschuss für Digitalisierung")
				.doesNotContain("Smart City"));
	}

	/**
	 * Staff submit the idea (80,000 EUR), the departments co-sign, the board approves in
	 * its meeting.
	 */
	private void submitAndApprove(String businessKey, String staff, List<String> departments, String boardOffice) {
		ResponseEntity<Map<String, Object>> started = this.rest.start(staff, "SmartCityProjectProcess", businessKey,
				ProjectIdeas.smartStreetLighting(Map.of("estimatedCost", 80000)));
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		assertThat(started.getBody()).containsEntry("tenantId", DemoRoster.tenantOf(staff));
		for (String department : departments) {
			this.rest.work(department, businessKey, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		}
		this.rest.work(boardOffice, businessKey, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot smarter Straßenbeleuchtung", "decisionMode", "meeting",
						"boardMeetingDate", LocalDate.now().plusDays(3).toString()));
		this.rest.work(boardOffice, businessKey, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "chefsache", false));
	}

	/** Why each department co-signed, as the co-signing forms showed it. */
	private String coSigningReasons(String businessKey) {
		HistoricProcessInstance project = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.processDefinitionKey("SmartCityProjectProcess")
			.singleResult();
		return (String) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(project.getId())
			.variableName("coSigningReasons")
			.singleResult()
			.getValue();
	}

	@SuppressWarnings("unchecked")
	private List<String> beratungsfolge(String businessKey) {
		HistoricProcessInstance project = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.processDefinitionKey("SmartCityProjectProcess")
			.singleResult();
		HistoricProcessInstance committees = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(project.getId())
			.processDefinitionKey("CommitteeResolutionProcess")
			.singleResult();
		assertThat(committees.getTenantId()).isEqualTo(project.getTenantId());
		List<Map<String, Object>> responsible = (List<Map<String, Object>>) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(committees.getId())
			.variableName("responsibleCommittees")
			.singleResult()
			.getValue();
		return responsible.stream().map((row) -> row.get("committeeId") + ":" + row.get("committeeRole")).toList();
	}

}
