package de.ratsweg.record;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The decision record of a project that went every way there is: objections, a tie in the
 * board's vote by circulation and the mayor's deciding vote, a revision, a second round,
 * the committees (with changes, a postponement and a result from the council information
 * system), the funding application with a notice delivered by message, and the project
 * organisation.
 */
@RatswegSpringTest
class ProjectRecordJourneyTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final ProcessEngine engine;

	private final TestRestTemplate http;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private String businessKey;

	@Autowired
	ProjectRecordJourneyTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.http = http;
	}

	@Test
	void theRecordFollowsTheProjectEveryWayItWent() throws IOException {
		String today = Dates.german(Dates.today());
		// the committees meet today, at short notice: their results are recorded today
		String meeting = Dates.today().toString();
		this.businessKey = startProject();
		assertThat(this.businessKey).as("the project's number").matches("SOEST-\\d{4}-\\d{4}");

		work(DemoRoster.TREASURY, "Task_CoSignProjectIdea",
				Map.of("statement", "objection", "statementText", "Folgekosten „Wartung“ fehlen – bitte ergänzen."));
		work(DemoRoster.IT, "Task_CoSignProjectIdea",
				Map.of("statement", "agreedWithRemarks", "statementText", "Schnittstellen offenlegen."));
		work(DemoRoster.DATA_PROTECTION, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		work(DemoRoster.ENVIRONMENT, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		work(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot in der Innenstadt", "decisionMode", "circulation", "votingDays", 3));
		vote(DemoRoster.BOARD_MEMBER, "approved", "Guter Pilot.");
		vote(DemoRoster.SECOND_BOARD_MEMBER, "rejected", "Zu teuer.");
		vote(DemoRoster.MAYOR, "revise", "Kosten aufteilen.");
		work(DemoRoster.MAYOR, "Task_CastDecidingVote",
				Map.of("boardDecision", "revise", "boardRemarks", "Kosten nach Bauabschnitten darstellen."));
		VariableMap revised = ProjectIdeas.smartStreetLighting();
		revised.putValue("revisionNote", "Kosten nach zwei Bauabschnitten aufgeteilt.");
		work(DemoRoster.STAFF, "Task_ReviseProjectIdea", revised);
		for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.DATA_PROTECTION,
				DemoRoster.ENVIRONMENT)) {
			work(user, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
		}
		work(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Pilot in zwei Bauabschnitten", "decisionMode", "meeting", "boardMeetingDate",
						Dates.today().toString()));
		work(DemoRoster.BOARD_OFFICE, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "boardRemarks", "Einstimmig", "chefsache", true));

		// Beratungsfolge: four committees; changes in the first, a postponement in the
		// second, the third's result from the council information system
		consultation(meeting, Map.of("committeeResult", "passedWithChanges", "resolutionText",
				"Empfohlen mit Änderungen", "resolutionChanges", "Nur ein Stadtteil im ersten Jahr"));
		work(DemoRoster.URBAN_DEVELOPMENT, "Task_ReviewResolutionChanges",
				Map.of("changesAcknowledged", true, "changesRemarks", "Wird im Projektplan berücksichtigt."));
		consultation(meeting, Map.of("committeeResult", "postponed", "resolutionText",
				"Vertagt auf die nächste Sitzung", "nextMeetingDate", Dates.today().toString()));
		work(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult",
				Map.of("committeeResult", "passed", "resolutionText", "Einstimmig empfohlen"));
		resultFromTheCouncilInformationSystem();
		consultation(meeting, Map.of("committeeResult", "passed", "resolutionText", "Der Rat beschließt den Pilot."));

		// Förderantrag; the notice comes by message
		work(DemoRoster.STAFF, "Task_SelectFundingProgramme", Map.of("fundingProgramme", "Modellprojekte Smart Cities",
				"callDeadline", Dates.today().plusDays(60).toString()));
		work(DemoRoster.STAFF, "Task_PrepareFundingApplication", Map.of("eligibleCost", 240000, "requestedAmount",
				180000, "ownShare", 60000, "financingPlan", "Förderquote 75 %"));
		work(DemoRoster.TREASURY, "Task_IssueTreasuryStatement",
				Map.of("ownShareSecured", true, "treasuryStatement", "Eigenanteil im Haushalt 2027 veranschlagt"));
		work(DemoRoster.MAYOR, "Task_SignFundingApplication", Map.of("applicationSigned", true));
		work(DemoRoster.STAFF, "Task_SubmitFundingApplication",
				Map.of("submittedOn", Dates.today().toString(), "applicationReference", "SC-2026-4711"));
		this.engine.getRuntimeService()
			.createMessageCorrelation("Message_FundingDecisionReceived")
			.processInstanceBusinessKey(this.businessKey)
			.setVariables(Map.of("fundingResult", "granted", "noticeDate", Dates.today().toString(), "grantedAmount",
					180000, "fundingPeriodStart", "2027-01-01", "fundingPeriodEnd", "2028-12-31"))
			.correlate();
		work(DemoRoster.URBAN_DEVELOPMENT, "Task_SetUpProjectOrganisation",
				Map.of("projectLead", "Jana Vogt", "workLevelStaffed", true, "jobPostingNeeded", false, "kickOffDate",
						Dates.today().plusDays(14).toString()));

		ResponseEntity<Map<String, Object>> response = this.http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.exchange("/api/projects/{key}/record", HttpMethod.GET, null, JSON, this.businessKey);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> record = response.getBody();
		assertThat(record).containsEntry("title", ProjectIdeas.TITLE)
			.containsEntry("municipality", "Stadt Soest")
			.containsEntry("outcome", "Projektorganisation steht");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> decisions = (List<Map<String, Object>>) record.get("decisions");
		assertThat(decisions)
			.extracting((d) -> d.get("step"), (d) -> d.get("actorName"), (d) -> d.get("role"), (d) -> d.get("outcome"),
					(d) -> d.get("text"))
			.containsExactly(
					tuple("Projektidee eingereicht", "Maria Müller", "Sachbearbeitung", "eingereicht",
							"Bedarfslücke: Die Straßenbeleuchtung brennt die ganze Nacht mit voller Leistung.\n"
									+ "Geschätzte Kosten: 240.000,00 EUR"),
					tuple("Mitzeichnung", "Thomas Schulz", "Kämmerei", "Einwand",
							"Folgekosten „Wartung“ fehlen – bitte ergänzen."),
					tuple("Mitzeichnung", "Jonas Wagner", "Fachbereich IT und Digitalisierung",
							"zugestimmt mit Anmerkungen", "Schnittstellen offenlegen."),
					tuple("Mitzeichnung", "Sabine Hoffmann", "Datenschutz", "zugestimmt", null),
					tuple("Mitzeichnung", "Nina Schmitz", "Fachbereich Umwelt", "zugestimmt", null),
					tuple("Vorlage für den Verwaltungsvorstand", "Lena Fischer", "Vorstandsbüro",
							"Entscheidung im Umlaufverfahren (3 Tage)", "Pilot in der Innenstadt"),
					tuple("Stimme im Umlaufverfahren", "Bernd Schneider", "Verwaltungsvorstand", "stimmt für Freigabe",
							"Guter Pilot."),
					tuple("Stimme im Umlaufverfahren", "Dirk Lange", "Verwaltungsvorstand", "stimmt für Ablehnung",
							"Zu teuer."),
					tuple("Stimme im Umlaufverfahren", "Heike Becker", "Verwaltungsvorstand",
							"stimmt für Überarbeitung", "Kosten aufteilen."),
					tuple("Auszählung des Umlaufverfahrens", "Ratsweg (automatisch)", "Verwaltungsvorstand",
							"keine Mehrheit: Stichentscheid", "Stimmen: 1× freigeben, 1× überarbeiten, 1× ablehnen"),
					tuple("Stichentscheid", "Heike Becker", "Bürgermeisterin / Bürgermeister",
							"zur Überarbeitung zurückgegeben", "Kosten nach Bauabschnitten darstellen."),
					tuple("Projektidee überarbeitet", "Maria Müller", "Sachbearbeitung",
							"überarbeitet und erneut eingereicht", "Kosten nach zwei Bauabschnitten aufgeteilt."),
					tuple("Mitzeichnung", "Thomas Schulz", "Kämmerei", "zugestimmt", null),
					tuple("Mitzeichnung", "Jonas Wagner", "Fachbereich IT und Digitalisierung", "zugestimmt", null),
					tuple("Mitzeichnung", "Sabine Hoffmann", "Datenschutz", "zugestimmt", null),
					tuple("Mitzeichnung", "Nina Schmitz", "Fachbereich Umwelt", "zugestimmt", null),
					tuple("Vorlage für den Verwaltungsvorstand", "Lena Fischer", "Vorstandsbüro",
							"Entscheidung in der Sitzung am " + today, "Pilot in zwei Bauabschnitten"),
					tuple("Beschluss des Verwaltungsvorstands (Sitzung am " + today + ")", "Lena Fischer",
							"Vorstandsbüro", "freigegeben, Chefsache", "Einstimmig"),
					tuple("Finanzierungsweg bestimmt (Entscheidungstabelle)", "Ratsweg (automatisch)", null,
							"Förderprogramm", null),
					tuple("Sitzung am " + Dates.german(LocalDate.parse(meeting)) + ", Drucksache: 2026/0815",
							"Katrin Weber", "Ausschuss für Digitalisierung (Vorberatung)", "geändert beschlossen",
							"Empfohlen mit Änderungen\nÄnderungen: Nur ein Stadtteil im ersten Jahr"),
					tuple("Änderungen des Gremiums geprüft", "Peter Meyer", "Fachbereich Stadtentwicklung",
							"zur Kenntnis genommen, werden umgesetzt", "Wird im Projektplan berücksichtigt."),
					tuple("Sitzung am " + Dates.german(LocalDate.parse(meeting)) + ", Drucksache: 2026/0815",
							"Katrin Weber", "Ausschuss für Klima, Umwelt und Nachhaltigkeit (Vorberatung)", "vertagt",
							"Vertagt auf die nächste Sitzung"),
					tuple("Sitzung am " + Dates.german(Dates.today()) + ", Drucksache: 2026/0815", "Katrin Weber",
							"Ausschuss für Klima, Umwelt und Nachhaltigkeit (Vorberatung)", "beschlossen",
							"Einstimmig empfohlen"),
					tuple("7. Sitzung des Haupt- und Finanzausschusses am " + Dates.german(LocalDate.parse(meeting))
							+ ", Drucksache: 2026/0815", "Ratsinformationssystem",
							"Haupt- und Finanzausschuss (Vorberatung)", "beschlossen",
							"Ungeändert empfohlen.\nErgebnis im Ratsinformationssystem: „Ungeändert empfohlen“"),
					tuple("Sitzung am " + Dates.german(LocalDate.parse(meeting)) + ", Drucksache: 2026/0815",
							"Katrin Weber", "Rat der Stadt (Entscheidung)", "beschlossen",
							"Der Rat beschließt den Pilot."),
					tuple("Förderprogramm ausgewählt", "Maria Müller", "Sachbearbeitung", "Modellprojekte Smart Cities",
							"Einreichungsfrist: " + Dates.german(Dates.today().plusDays(60))),
					tuple("Förderantrag vorbereitet", "Maria Müller", "Sachbearbeitung", "beantragt: 180.000,00 EUR",
							"Zuwendungsfähige Ausgaben: 240.000,00 EUR, Eigenanteil: 60.000,00 EUR\nFörderquote 75 %"),
					tuple("Stellungnahme der Kämmerei", "Thomas Schulz", "Kämmerei", "Eigenanteil gesichert",
							"Eigenanteil im Haushalt 2027 veranschlagt"),
					tuple("Förderantrag unterzeichnet", "Heike Becker", "Bürgermeisterin / Bürgermeister",
							"unterzeichnet", null),
					tuple("Förderantrag eingereicht", "Maria Müller", "Sachbearbeitung", "eingereicht am " + today,
							"Aktenzeichen: SC-2026-4711"),
					tuple("Zuwendungsbescheid übermittelt", "Zuwendungsgeber (elektronisch übermittelt)", null,
							"bewilligt",
							"Bescheid vom " + today
									+ ", bewilligt: 180.000,00 EUR, Zeitraum 01.01.2027 bis 31.12.2028"),
					tuple("Projektorganisation aufgesetzt", "Peter Meyer", "Fachbereich Stadtentwicklung",
							"Projektleitung: Jana Vogt",
							"Arbeitsebene besetzt: ja\nStellenausschreibung nötig: nein\nAuftakt: "
									+ Dates.german(Dates.today().plusDays(14))),
					tuple("Ergebnis des Vorhabens", "Ratsweg (automatisch)", null, "Projektorganisation steht", null));
		assertThat(decisions).filteredOn((d) -> "Ratsinformationssystem".equals(d.get("actorName")))
			.singleElement()
			.satisfies((d) -> assertThat(d).containsEntry("actorId", null)
				.containsEntry("link", "https://ratsinfo.example/oparl/agendaitem/1001"));

		ResponseEntity<byte[]> pdf = this.http.withBasicAuth(DemoRoster.STAFF, DemoRoster.PASSWORD)
			.exchange("/api/projects/{key}/record", HttpMethod.GET, accepting(MediaType.APPLICATION_PDF), byte[].class,
					this.businessKey);
		Files.createDirectories(DemoProjectRecordTest.OUTPUT);
		Files.write(DemoProjectRecordTest.OUTPUT.resolve("Aktenvermerk-Journey.pdf"), pdf.getBody());
		try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
			int pages = document.getNumberOfPages();
			assertThat(pages).as("33 decisions").isEqualTo(3);
			for (int page = 1; page <= pages; page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page %d", page)
					.contains("Stadt Soest", "Seite " + page + " von " + pages);
			}
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(this.businessKey,
					"Folgekosten „Wartung“ fehlen – bitte ergänzen.", "Ratsinformationssystem",
					"Tagesordnungspunkt im Ratsinformationssystem", "Projektorganisation steht");
		}
	}

	private String startProject() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(this.models.deploymentId())
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.singleResult()
			.getId();
		ProcessInstance project = as(DemoRoster.STAFF,
				() -> this.engine.getFormService().submitStartForm(definitionId, ProjectIdeas.smartStreetLighting()));
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(project.getId())
			.singleResult()
			.getBusinessKey();
	}

	private void consultation(String meetingDate, Map<String, Object> result) {
		work(DemoRoster.COMMITTEE_OFFICE, "Task_ScheduleConsultation",
				Map.of("meetingDate", meetingDate, "shortNoticeConfirmed", true));
		work(DemoRoster.COMMITTEE_OFFICE, "Task_SubmitResolutionPaper",
				Map.of("paperReference", "2026/0815", "paperSummary", "Der Rat beschließt die Pilotierung."));
		work(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult", result);
	}

	/**
	 * The third committee's result as the council information system's look-up keeps it
	 * (the look-up itself is tested in {@code committee/}): the office's hand-recorded
	 * session is replaced by the one the look-up would have kept.
	 */
	@SuppressWarnings("unchecked")
	private void resultFromTheCouncilInformationSystem() {
		// the committees meet today, at short notice: their results are recorded today
		String meeting = Dates.today().toString();
		consultation(meeting, Map.of("committeeResult", "passed", "resolutionText", "Ungeändert empfohlen."));
		String committeeInstance = visibleTasks(DemoRoster.COMMITTEE_OFFICE).get(0).getProcessInstanceId();
		List<Map<String, Object>> results = new ArrayList<>((List<Map<String, Object>>) this.engine.getRuntimeService()
			.getVariable(committeeInstance, "committeeResults"));
		Map<String, Object> session = new LinkedHashMap<>(results.remove(results.size() - 1));
		session.remove("user");
		session.put("source", "oparl");
		session.put("oparlResult", "Ungeändert empfohlen");
		session.put("agendaItem", "https://ratsinfo.example/oparl/agendaitem/1001");
		session.put("meetingName", "7. Sitzung des Haupt- und Finanzausschusses");
		results.add(session);
		this.engine.getRuntimeService().setVariable(committeeInstance, "committeeResults", results);
	}

	private void vote(String member, String vote, String comment) {
		Task task = visibleTasks(member).stream()
			.filter((candidate) -> "Task_VoteOnProjectIdea".equals(candidate.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow();
		as(member, () -> {
			this.engine.getFormService().submitTaskForm(task.getId(), Map.of("vote", vote, "voteComment", comment));
			return null;
		});
	}

	private void work(String userId, String taskDefinitionKey, Map<String, Object> input) {
		ProjectWork.work(this.engine, this.businessKey, userId, taskDefinitionKey, input);
	}

	private List<Task> visibleTasks(String userId) {
		return ProjectWork.visibleTasks(this.engine, this.businessKey, userId);
	}

	private <T> T as(String userId, Supplier<T> action) {
		return DemoRoster.as(this.engine, userId, action);
	}

	private static HttpEntity<Void> accepting(MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(type));
		return new HttpEntity<>(headers);
	}

}
