package de.ratsweg.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegApplication;
import de.ratsweg.TestProfiles;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Smart-City project of Soest, from the start form to "Projektorganisation steht",
 * through Tasklist alone, in headless Chromium: every step is done by the demo user of
 * the step's group, who opens the task, takes it, first tries one bad input and reads the
 * German message next to the field or in the notification, then fills the form and
 * completes it. The project goes every way a form exists for: a department's statement
 * goes missing and the lead unit closes the co-signing, the board sends the idea back in
 * its meeting and decides the revised idea by circulation without a majority (the mayor
 * casts the deciding vote), the financing is clarified, each committee resolves (the
 * first with changes), the treasury first finds the own share unsecured, the first
 * funding application is rejected and the board chooses another round, which is partly
 * granted. Nothing but the clock (timers that are due) is moved outside the browser.
 *
 * <p>
 * At the end every form of {@code processes/} must have been submitted here: a new form
 * without a browser step fails the build. Screenshots per step in
 * {@code target/browser/project-*.png}, the list of bad inputs and messages in
 * {@code target/browser/project-forms.md}.
 *
 * <p>
 * Runs on H2 only: it is about what users click, the database pass about queries.
 */
@SpringBootTest(classes = RatswegApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class WholeProjectInTasklistTest {

	/**
	 * A title as someone might phish with it: in every form it must stay text, never a
	 * link.
	 */
	private static final String TITLE = "Parkraumsteuerung – Bitte neu anmelden: https://example.org/x";

	private static final LocalDate TODAY = Dates.today();

	private final ProcessEngine engine;

	private final int port;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private Browser browser;

	private String user;

	private String businessKey;

	private int step;

	/** Form id -> the bad input tried and the German message seen. */
	private final Map<String, String> refusals = new TreeMap<>();

	private final Set<String> formsSubmitted = new TreeSet<>();

	@Autowired
	WholeProjectInTasklistTest(ProcessEngine engine, @LocalServerPort int port) {
		this.engine = engine;
		this.port = port;
	}

	@Test
	void aProjectGoesFromTheIdeaToItsProjectOrganisationInTasklistAlone() {
		try (Browser browser = Browser.open(this.port)) {
			this.browser = browser;
			theStaffStartsTheProject();
			theDepartmentsCoSignAndTheLeadUnitClosesWithoutTheMissingStatement();
			theBoardSendsTheIdeaBackInItsMeeting();
			theStaffRevisesTheIdeaAndTheDepartmentsCoSignAgain();
			theBoardDecidesByCirculationAndTheMayorCastsTheDecidingVote();
			theBoardClarifiesTheFinancing();
			theCommitteesResolve(true);
			theFundingApplicationIsPreparedSignedAndSubmitted(true);
			theFundingIsRejectedAndTheBoardChoosesAnotherRound();
			theCommitteesResolve(false);
			theFundingApplicationIsPreparedSignedAndSubmitted(false);
			theFundingIsPartlyGrantedAndTheBoardGoesOn();
			theLeadUnitSetsUpTheProjectOrganisation();
		}
		finally {
			writeReport();
		}

		HistoricProcessInstance project = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.singleResult();
		assertThat(project.getEndActivityId()).isEqualTo(SmartCityProject.END_ORGANISED);
		assertThat(this.formsSubmitted).as("every form of processes/ was submitted in the browser")
			.containsExactlyInAnyOrderElementsOf(formsOfTheProcessesFolder());
		assertThat(this.refusals.keySet()).as("every form refused one bad input in German")
			.containsExactlyInAnyOrderElementsOf(formsOfTheProcessesFolder());
	}

	private void theStaffStartsTheProject() {
		as(DemoRoster.STAFF);
		this.browser.click(this.browser
			.waitFor(By.xpath("//a[contains(.,'Prozess starten')] | //button[contains(.,'Prozess starten')]")));
		this.browser.click(
				this.browser.waitFor(By.xpath("//*[contains(@class,'modal')]//a[contains(.,'Smart-City-Vorhaben')]")));
		FormInBrowser form = new FormInBrowser(this.browser).shown();
		form.type("Titel des Vorhabens", TITLE)
			.type("Bedarfslücke", "Parksuchverkehr belastet die Altstadt jeden Tag.")
			.type("Für wen?", "Pendlerinnen, Pendler und Handel")
			.type("Strategischer Zweck", "Weniger Verkehr und Emissionen in der Altstadt.")
			.choose("Handlungsfeld", "Mobilität")
			.choose("Federführende Stelle", "Fachbereich Stadtentwicklung")
			.tickAll("Beteiligte Fachabteilungen", List.of("Fachbereich Umwelt"))
			.tick("Digitale Lösung", true)
			.tick("Es werden personenbezogene Daten verarbeitet", true)
			.type("Geschätzte Kosten (EUR)", "85000")
			.choose("Gewünschte Finanzierung", "noch offen");
		// a work package without its duration
		form.type("Arbeitspakete mit geschätzter Dauer", "Sensorik ausschreiben");
		clickStart();
		String message = until(() -> form.errorAt("Arbeitspakete mit geschätzter Dauer"), "erwartete Format");
		refused("ProjectIdeaForm", "Arbeitspaket ohne Dauer („Sensorik ausschreiben“)", message);
		screenshot("start-refused");

		form.type("Arbeitspakete mit geschätzter Dauer", "Sensorik ausschreiben: 8 Wochen\nPilot in der Altstadt: 20");
		screenshot("start-form");
		clickStart();
		this.browser.until((driver) -> project() != null ? true : null);
		this.businessKey = project().getBusinessKey();
		this.formsSubmitted.add("ProjectIdeaForm");
		// the starter reads the project's number at once
		this.browser.until(
				(driver) -> this.browser.text().contains("Vorhaben " + this.businessKey + " angelegt") ? true : null);
		screenshot("started");
	}

	private void clickStart() {
		this.browser
			.click(this.browser.waitFor(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Start']")));
	}

	private void theDepartmentsCoSignAndTheLeadUnitClosesWithoutTheMissingStatement() {
		step(DemoRoster.TREASURY, "Task_CoSignProjectIdea", "Einwand ohne Begründung", (form) -> {
			assertThat(form.text()).as("why the treasury co-signs").contains("Wer mitzeichnet und warum", "Kämmerei");
			form.pick("Stellungnahme", "Einwand");
		}, "Pflichtfeld", (form) -> form.pick("Stellungnahme", "Zugestimmt mit Anmerkungen")
			.type("Begründung / Anmerkungen", "Folgekosten für den Betrieb im Haushalt 2028 einplanen."));
		agree(DemoRoster.IT);
		agree(DemoRoster.ENVIRONMENT);
		// data protection does not answer: both deadlines pass
		timerPasses("Timer_CoSigningDeadline");
		timerPasses("Timer_CoSigningEscalation");
		step(DemoRoster.URBAN_DEVELOPMENT, "Task_FollowUpMissingStatements", "Abschließen ohne Begründung",
				(form) -> form.pick("Wie geht es weiter?", "Ohne die fehlenden Stellungnahmen abschließen"),
				"Pflichtfeld", (form) -> form.type("Wie wurde nachgefasst?",
						"Datenschutz zweimal erinnert; die Prüfung folgt im Projekt."));
	}

	private void agree(String department) {
		step(department, "Task_CoSignProjectIdea", null, null, null,
				(form) -> form.pick("Stellungnahme", "Zugestimmt"));
	}

	private void theBoardSendsTheIdeaBackInItsMeeting() {
		step(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem", "Zusammenfassung mit 5 Zeichen",
				(form) -> form.type("Zusammenfassung für den Verwaltungsvorstand", "Kurz."), "Mindestens 10 Zeichen",
				(form) -> form
					.type("Zusammenfassung für den Verwaltungsvorstand",
							"Sensorik für 400 Stellplätze, Pilot in der Altstadt.")
					.pick("Entscheidung", "In der Sitzung des Verwaltungsvorstands")
					.date("Sitzungstermin", TODAY));
		step(DemoRoster.BOARD_OFFICE, "Task_RecordBoardDecision", "zur Überarbeitung ohne Begründung",
				(form) -> form.pick("Beschluss des Verwaltungsvorstands", "Zur Überarbeitung zurück"), "Pflichtfeld",
				(form) -> form.type("Begründung / Auflagen", "Betriebskosten nach dem Pilot darstellen."));
	}

	private void theStaffRevisesTheIdeaAndTheDepartmentsCoSignAgain() {
		step(DemoRoster.STAFF, "Task_ReviseProjectIdea", "„Was wurde geändert?“ mit 3 Zeichen", (form) -> {
			assertThat(form.value("Anmerkungen des Verwaltungsvorstands"))
				.isEqualTo("Betriebskosten nach dem Pilot darstellen.");
			form.type("Was wurde geändert?", "Neu");
		}, "Mindestens 5 Zeichen", (form) -> form.type("Geschätzte Kosten (EUR)", "92000")
			.type("Was wurde geändert?", "Betriebskosten für drei Jahre ergänzt."));
		for (String department : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.DATA_PROTECTION,
				DemoRoster.ENVIRONMENT)) {
			agree(department);
		}
	}

	private void theBoardDecidesByCirculationAndTheMayorCastsTheDecidingVote() {
		step(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem", "Abstimmungsfrist 0 Tage",
				(form) -> form
					.type("Zusammenfassung für den Verwaltungsvorstand", "Überarbeitete Idee mit Betriebskosten.")
					.pick("Entscheidung", "Im Umlaufverfahren")
					.type("Abstimmungsfrist (Tage)", "0"),
				"nicht kleiner als 1", (form) -> form.type("Abstimmungsfrist (Tage)", "5"));
		step(DemoRoster.BOARD_MEMBER, "Task_VoteOnProjectIdea", "Ablehnen ohne Begründung",
				(form) -> form.pick("Ihre Stimme", "Ablehnen"), "Pflichtfeld",
				(form) -> form.pick("Ihre Stimme", "Freigeben"));
		step(DemoRoster.SECOND_BOARD_MEMBER, "Task_VoteOnProjectIdea", null, null, null,
				(form) -> form.pick("Ihre Stimme", "Ablehnen").type("Begründung", "Kein Bedarf in diesem Umfang."));
		step(DemoRoster.MAYOR, "Task_VoteOnProjectIdea", null, null, null,
				(form) -> form.pick("Ihre Stimme", "Zur Überarbeitung zurück")
					.type("Begründung", "Erst Erfahrungen aus Arnsberg abwarten."));
		step(DemoRoster.MAYOR, "Task_CastDecidingVote", "Ablehnen ohne Begründung",
				(form) -> form.pick("Stichentscheid", "Ablehnen"), "Pflichtfeld",
				(form) -> form.pick("Stichentscheid", "Freigeben"));
	}

	private void theBoardClarifiesTheFinancing() {
		step(DemoRoster.BOARD_MEMBER, "Task_ClarifyFinancing", "keine Finanzierung gewählt", (form) -> {
		}, "Pflichtfeld", (form) -> form.choose("Finanzierung", "Förderprogramm"));
	}

	/**
	 * Each committee of the sequence meets today, at short notice (so that its result can
	 * be recorded today); the first one changes the resolution.
	 */
	private void theCommitteesResolve(boolean firstRound) {
		boolean first = true;
		while (!ProjectWork.visibleTasks(this.engine, this.businessKey, DemoRoster.COMMITTEE_OFFICE).isEmpty()) {
			boolean tryBadInput = firstRound && first;
			step(DemoRoster.COMMITTEE_OFFICE, "Task_ScheduleConsultation",
					tryBadInput ? "Termin in 10 Tagen ohne Bestätigung der verkürzten Vorlagefrist" : null,
					(form) -> form.date("Sitzungstermin", TODAY.plusDays(10)),
					tryBadInput ? "lässt die Vorlagefrist von 21 Tagen nicht mehr zu" : null,
					(form) -> form.date("Sitzungstermin", TODAY).tick("Kurzfristiger Termin", true));
			step(DemoRoster.COMMITTEE_OFFICE, "Task_SubmitResolutionPaper",
					tryBadInput ? "Drucksachennummer mit Leerzeichen" : null, (form) -> {
						assertThat(form.text()).contains("Kurzfristiger Termin: Die Vorlagefrist für die Sitzung am");
						form.type("Drucksachennummer", "2026 0815");
					}, tryBadInput ? "erwartete Format" : null, (form) -> form.type("Drucksachennummer", "2026/0815")
						.type("Beschlussvorschlag", "Der Rat beschließt die Parkraumsteuerung."));
			if (tryBadInput) {
				step(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult",
						"geändert beschlossen ohne die Änderungen",
						(form) -> form.pick("Ergebnis", "Geändert beschlossen")
							.type("Beschlusstext", "Empfohlen mit einer Änderung."),
						"Pflichtfeld", (form) -> form.type("Änderungen gegenüber der Vorlage",
								"Zuerst nur die Parkhäuser, die Straßen im zweiten Jahr."));
				step(DemoRoster.URBAN_DEVELOPMENT, "Task_ReviewResolutionChanges", "Kenntnisnahme nicht bestätigt",
						(form) -> form.type("Anmerkungen der federführenden Stelle", "Wird eingeplant."), "Pflichtfeld",
						(form) -> form.tick("Die Änderungen sind zur Kenntnis genommen", true));
			}
			else {
				step(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult", null, null, null, (form) -> {
					assertThat(form.text()).as("the meeting is today: no warning that it has not taken place")
						.doesNotContain("hat noch nicht stattgefunden");
					form.pick("Ergebnis", "Beschlossen").type("Beschlusstext", "Einstimmig beschlossen.");
				});
			}
			first = false;
		}
	}

	private void theFundingApplicationIsPreparedSignedAndSubmitted(boolean firstRound) {
		step(DemoRoster.STAFF, "Task_SelectFundingProgramme", firstRound ? "eine abgelaufene Frist eingefügt" : null,
				(form) -> form.type("Förderprogramm", "Modellprojekte Smart Cities")
					.typeDateOnce("Einreichungsfrist des Förderaufrufs",
							FormInBrowser.GERMAN_DAY.format(TODAY.minusDays(3))),
				firstRound ? "Das Datum liegt in der Vergangenheit und wurde entfernt." : null,
				(form) -> form
					.type("Förderprogramm", firstRound ? "Modellprojekte Smart Cities" : "Klimaschutz vor Ort")
					.date("Einreichungsfrist des Förderaufrufs", TODAY.plusDays(60)));
		// the treasury's statement is empty the first time: Tasklist sends it back as ""
		step(DemoRoster.STAFF, "Task_PrepareFundingApplication", firstRound ? "beantragte Förderung 0 EUR" : null,
				(form) -> fundingPlan(form).type("Beantragte Förderung (EUR)", "0"),
				firstRound ? "nicht kleiner als 0,01" : null,
				(form) -> fundingPlan(form).type("Beantragte Förderung (EUR)", "69000"));
		if (firstRound) {
			step(DemoRoster.TREASURY, "Task_IssueTreasuryStatement", "Stellungnahme mit 2 Zeichen",
					(form) -> form.type("Stellungnahme der Kämmerei", "ok"), "Mindestens 5 Zeichen",
					(form) -> form.type("Stellungnahme der Kämmerei", "Eigenanteil ist noch nicht veranschlagt."));
			// back to the staff, who now sees the treasury's statement
			step(DemoRoster.STAFF, "Task_PrepareFundingApplication", null, null, null, (form) -> {
				assertThat(form.value("Letzte Stellungnahme der Kämmerei"))
					.isEqualTo("Eigenanteil ist noch nicht veranschlagt.");
				form.type("Kosten- und Finanzierungsplan", "Eigenanteil aus dem Budget Stadtentwicklung 2027.");
			});
		}
		step(DemoRoster.TREASURY, "Task_IssueTreasuryStatement", null, null, null,
				(form) -> form.tick("Der Eigenanteil ist im Haushalt gesichert", true)
					.type("Stellungnahme der Kämmerei", "Eigenanteil im Haushalt 2027 veranschlagt."));
		step(DemoRoster.MAYOR, "Task_SignFundingApplication", firstRound ? "nicht unterzeichnet" : null, (form) -> {
		}, firstRound ? "Pflichtfeld" : null, (form) -> form.tick("Ich unterzeichne den Förderantrag", true));
		step(DemoRoster.STAFF, "Task_SubmitFundingApplication", firstRound ? "Eingereicht am: morgen" : null,
				(form) -> {
					assertThat(this.browser.text()).as("the due date in German").contains("Fällig in 2 Monaten");
					assertThat(form.placeholder("Eingereicht am")).isEqualTo("TT.MM.JJJJ");
					form.date("Eingereicht am", TODAY.plusDays(1)).type("Aktenzeichen / Antragsnummer", "SC-4711");
				}, firstRound ? "„Eingereicht am“ darf nicht in der Zukunft liegen." : null,
				(form) -> form.date("Eingereicht am", TODAY).type("Aktenzeichen / Antragsnummer", "SC-4711"));
	}

	private static FormInBrowser fundingPlan(FormInBrowser form) {
		return form.type("Zuwendungsfähige Ausgaben (EUR)", "92000")
			.type("Eigenanteil (EUR)", "23000")
			.type("Kosten- und Finanzierungsplan", "Förderquote 75 %, Eigenanteil aus dem Haushalt.");
	}

	private void theFundingIsRejectedAndTheBoardChoosesAnotherRound() {
		step(DemoRoster.STAFF, "Task_RecordFundingNotice", "Bescheid vom Vortag der Einreichung",
				(form) -> form.pick("Bescheid", "Abgelehnt").date("Datum des Bescheids", TODAY.minusDays(1)),
				"darf nicht vor dem Tag der Einreichung", (form) -> form.date("Datum des Bescheids", TODAY)
					.type("Auflagen / Begründung", "Der Aufruf ist überzeichnet."));
		step(DemoRoster.BOARD_MEMBER, "Task_DecideNextFundingStep", "andere Finanzierung ohne Begründung",
				(form) -> form.pick("Wie geht es weiter?", "Anderer Finanzierungsweg")
					.choose("Neue Finanzierung", "Förderprogramm"),
				"Pflichtfeld", (form) -> form.type("Begründung", "Landesprogramm Klimaschutz vor Ort beantragen."));
	}

	private void theFundingIsPartlyGrantedAndTheBoardGoesOn() {
		step(DemoRoster.STAFF, "Task_RecordFundingNotice", null, null, null,
				(form) -> form.pick("Bescheid", "Teilweise bewilligt")
					.date("Datum des Bescheids", TODAY)
					.type("Bewilligter Betrag (EUR)", "50000")
					.date("Bewilligungszeitraum von", TODAY.plusDays(30))
					.date("Bewilligungszeitraum bis", TODAY.plusDays(400)));
		step(DemoRoster.BOARD_MEMBER, "Task_DecideOnPartialFunding", "weitermachen ohne Begründung",
				(form) -> form.pick("Soll das Vorhaben", "Ja, weitermachen"), "Pflichtfeld",
				(form) -> form.type("Begründung", "Den Rest trägt der Haushalt 2027."));
	}

	private void theLeadUnitSetsUpTheProjectOrganisation() {
		step(DemoRoster.URBAN_DEVELOPMENT, "Task_SetUpProjectOrganisation", "keine Projektleitung",
				(form) -> form.date("Kick-off am", TODAY.plusDays(14)), "Pflichtfeld",
				(form) -> form.type("Projektleitung", "Jana Vogt").tick("Die Arbeitsebene ist besetzt", true));
	}

	/**
	 * One step of the project as the user of its group does it in Tasklist: log in, open
	 * the task, take it; if given, try the bad input and wait for the German message;
	 * then fill the form and complete it.
	 */
	private void step(String user, String taskKey, String badInput, Consumer<FormInBrowser> bad, String message,
			Consumer<FormInBrowser> good) {
		Task task = theTask(user, taskKey);
		String formId = formOf(task);
		as(user);
		this.browser.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
		this.browser.until((driver) -> this.browser.text().contains(task.getName()) ? true : null);
		this.browser.until((driver) -> !this.browser.driver()
			.findElements(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]"))
			.isEmpty() || !this.browser.driver().findElements(By.cssSelector(".fjs-form")).isEmpty() ? true : null);
		this.browser.driver()
			.findElements(By.xpath("//*[self::a or self::button][contains(.,'Diese Aufgabe übernehmen')]"))
			.stream()
			.findFirst()
			.ifPresent(this.browser::click);
		FormInBrowser form = new FormInBrowser(this.browser).shown();
		closeNotifications();
		if (badInput != null) {
			bad.accept(form);
			form.complete();
			String seen = until(() -> messages(), message);
			refused(formId, badInput, seen);
			screenshot(taskKey + "-refused");
			assertThat(taskIsOpen(task)).as("the task stays open after refused input").isTrue();
		}
		good.accept(form);
		// form-js's own "Powered by bpmn.io" link (its licence) is the one link a form
		// has
		assertThat(this.browser.script("return Array.from(document.querySelectorAll("
				+ "'.fjs-form a:not(.fjs-powered-by-link), .fjs-form img')).map(e => e.outerHTML)"))
			.as("links or images in the form of %s (the title is %s)", taskKey, TITLE)
			.asList()
			.isEmpty();
		screenshot(taskKey);
		form.complete();
		this.browser.until((driver) -> taskIsOpen(task) ? null : true);
		// Tasklist has taken the completed task out of its address: the next step may go
		// on
		this.browser.until((driver) -> driver.getCurrentUrl().contains(task.getId()) ? null : true);
		this.formsSubmitted.add(formId);
	}

	/** Notifications of an earlier step are closed, as a user does. */
	private void closeNotifications() {
		this.browser.script("document.querySelectorAll('.notifications .close').forEach((b) => b.click());");
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser
			.script("return [...document.querySelectorAll('.notifications')].every((n) => !n.innerText.trim());"))
					? true : null);
	}

	/** What the form shows next to its fields and what the notification says. */
	private String messages() {
		return String.valueOf(this.browser.script("""
				const errors = [...document.querySelectorAll('.fjs-form-field-error, .ratsweg-date-hint')]
				  .map((e) => e.textContent.trim());
				const notes = [...document.querySelectorAll('.notifications .notification, .notifications .alert')]
				  .map((n) => n.innerText.trim());
				return errors.concat(notes).join(' / ').replace(/\s+/g, ' ').replace('×', '').trim();
				"""));
	}

	private String until(java.util.function.Supplier<String> text, String expected) {
		return this.browser.until((driver) -> {
			String seen = text.get();
			return seen.contains(expected) ? seen : null;
		});
	}

	private void refused(String formId, String badInput, String message) {
		this.refusals.putIfAbsent(formId, badInput + " → " + message.replace('\n', ' '));
	}

	private void as(String user) {
		if (user.equals(this.user)) {
			return;
		}
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn("tasklist", user, DemoRoster.PASSWORD);
		this.browser.waitFor(By.xpath("//*[contains(@class,'filters')]//a"));
		this.user = user;
	}

	/** The one task of that kind the user sees in this project. */
	private Task theTask(String user, String taskKey) {
		List<Task> tasks = this.browser.until((driver) -> {
			List<Task> found = ProjectWork.visibleTasks(this.engine, this.businessKey, user)
				.stream()
				.filter((task) -> task.getTaskDefinitionKey().equals(taskKey))
				.toList();
			return found.isEmpty() ? null : found;
		});
		assertThat(tasks).as("%s sees one task %s", user, taskKey).hasSize(1);
		return tasks.get(0);
	}

	private String formOf(Task task) {
		return this.engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
	}

	private boolean taskIsOpen(Task task) {
		HistoricTaskInstance done = this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(task.getId())
			.singleResult();
		return done.getEndTime() == null;
	}

	/** A timer of the project that is due now: the time passes, nobody clicks. */
	private void timerPasses(String timerId) {
		List<String> instances = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		Job timer = this.engine.getManagementService()
			.createJobQuery()
			.timers()
			.activityId(timerId)
			.list()
			.stream()
			.filter((job) -> instances.contains(job.getProcessInstanceId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer " + timerId + " in the project"));
		this.engine.getManagementService().executeJob(timer.getId());
	}

	private ProcessInstance project() {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.variableValueEquals("projectTitle", TITLE)
			.singleResult();
	}

	private void screenshot(String name) {
		this.browser.screenshot("project-%02d-%s".formatted(++this.step, name));
	}

	private static List<String> formsOfTheProcessesFolder() {
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".form"))
				.map((name) -> name.substring(0, name.length() - ".form".length()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The forms and what each refused, for the reader of the build's output. */
	private void writeReport() {
		List<String> lines = new ArrayList<>(List.of("# Every form in Tasklist", "",
				"| form | submitted | bad input tried → German message seen |", "|---|---|---|"));
		for (String form : formsOfTheProcessesFolder()) {
			lines.add("| %s | %s | %s |".formatted(form, this.formsSubmitted.contains(form) ? "yes" : "**no**",
					this.refusals.getOrDefault(form, "**none**").replace("|", "\\|")));
		}
		try {
			Files.createDirectories(Browser.SCREENSHOTS);
			Files.write(Browser.SCREENSHOTS.resolve("project-forms.md"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
