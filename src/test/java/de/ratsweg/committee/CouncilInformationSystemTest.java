package de.ratsweg.committee;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.ratsweg.PostgresTestDatabase;
import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.TestProfiles;
import de.ratsweg.kernel.Dates;
import de.ratsweg.security.DemoRoster;

import static de.ratsweg.committee.CommitteeResolution.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Soest's council information system is an OParl 1.1 server (a real HTTP server in the
 * test, serving the fixtures of {@code src/test/resources/oparl/}); the job executor runs
 * and looks every second. The committee office submits the paper 2026/0815 to the
 * Ausschuss für Digitalisierung; what the server publishes decides what happens next.
 */
@RatswegSpringTest
@DirtiesContext
class CouncilInformationSystemTest {

	static final OParlFixtureServer oparl = new OParlFixtureServer();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void soestHasACouncilInformationSystemThatIsAskedEverySecond(DynamicPropertyRegistry registry) {
		registry.add("RATSWEG_OPARL_SOEST", oparl::systemUrl);
		registry.add("ratsweg.committee.oparl.poll-interval", () -> "PT1S");
		registry.add("ratsweg.committee.oparl.timeout", () -> "2s");
		registry.add("camunda.bpm.job-execution.enabled", () -> "true");
		registry.add("camunda.bpm.job-execution.max-wait", () -> "500");
		// a context of its own beside the shared one: its own engine name (the engine
		// registry is static), and no webapps (their filters keep the first context)
		registry.add("camunda.bpm.process-engine-name", () -> "oparl");
		registry.add("camunda.bpm.webapp.enabled", () -> "false");
		// its own database: this context's job executor must not run other tests' jobs
		String database = TestProfiles.onPostgres() ? PostgresTestDatabase.fresh("ratsweg_test_oparl")
				: "jdbc:h2:mem:ratsweg-oparl;DB_CLOSE_DELAY=-1";
		registry.add("spring.datasource.url", () -> database);
	}

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ResultTextLog resultTexts;

	private final ManagementService management;

	private String deploymentId;

	@Autowired
	CouncilInformationSystemTest(ApplicationContext context, ProcessEngine engine, ResultTextLog resultTexts) {
		this.context = context;
		this.resultTexts = resultTexts;
		this.engine = engine;
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.management = engine.getManagementService();
	}

	@BeforeEach
	void deployTheCommitteeProcess() {
		DemoRoster.createIn(this.context);
		this.deploymentId = ProcessModels.deploy(this.engine, List.of("CommitteeResolutionProcess.bpmn",
				"ResponsibleCommitteesDecision.dmn", "CommitteeResultDecision.dmn"));
		oparl.serveTheSoestPaper();
	}

	@AfterEach
	void removeTheModels() {
		oparl.stop();
		oparl.start();
		ProcessModels.undeploy(this.engine, this.deploymentId);
	}

	@AfterAll
	static void stopTheServer() {
		oparl.stop();
	}

	@Test
	void aResultPublishedBeforeTheFirstLookUpIsTakenOverAtOnce() {
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		ProcessInstance resolution = submitThePaper();

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("committeeName", "Ausschuss für Digitalisierung")
			.containsEntry("result", PASSED)
			.containsEntry("source", "oparl")
			.containsEntry("oparlResult", "Ungeändert beschlossen")
			.containsEntry("meetingDate", "2026-12-03")
			.containsEntry("meetingName", "7. Sitzung des Ausschusses für Digitalisierung")
			.containsEntry("agendaItem", oparl.base() + "/agendaitem/1001")
			.containsEntry("resolutionText",
					"Der Ausschuss für Digitalisierung empfiehlt dem Rat, das Digitale Bürgerbüro wie vorgeschlagen einzurichten.");
		assertThat(openTasks(resolution, RECORD_RESULT)).as("the office's task ended").isEmpty();
		assertThat(oparl.requests()).as("the paper list is read page by page")
			.anyMatch((request) -> request.startsWith("/body/soest/papers?modified_since="))
			.contains("/body/soest/papers/page/2");
	}

	@Test
	void aResultPublishedAfterTheMeetingIsFoundOnALaterLookUp() {
		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE).until(() -> countOf("/agendaitem/1001") >= 2);
		assertThat(this.runtime.getVariable(resolution.getId(), COUNCIL_SYSTEM_STATUS)).isEqualTo(PENDING);
		assertThat(openTasks(resolution, RECORD_RESULT)).as("the office may still record it by hand").hasSize(1);

		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("result", PASSED).containsEntry("source", "oparl");
		assertThat(countOf("/body/soest/papers/page/2")).as("once found, the paper is read by its address")
			.isEqualTo(1);
		assertThat(countOf("/paper/0815")).isPositive();
	}

	@Test
	void aPaperNotYetPublishedIsSearchedAgainOnlyAmongTheChangesSinceTheLastSearch() {
		oparl.serve("/body/soest/papers", "papers-none");
		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE)
			.until(() -> oparl.requests().stream().filter((r) -> r.startsWith("/body/soest/papers?")).count() >= 2);
		List<Instant> since = oparl.requests()
			.stream()
			.filter((r) -> r.startsWith("/body/soest/papers?modified_since="))
			.map((r) -> OffsetDateTime.parse(URLDecoder.decode(r.substring(r.indexOf('=') + 1), StandardCharsets.UTF_8))
				.toInstant())
			.toList();
		Instant now = Instant.now();
		assertThat(since).as("the first search: changes since shortly before the committee sequence began")
			.anySatisfy((time) -> assertThat(time).isBetween(now.minus(Duration.ofDays(61)),
					now.minus(Duration.ofDays(59))));
		assertThat(since).as("a later search: only changes since the last one (less ten minutes)")
			.anySatisfy((time) -> assertThat(time).isBetween(now.minus(Duration.ofMinutes(12)),
					now.minus(Duration.ofMinutes(9))));

		oparl.serve("/body/soest/papers", "papers-page-1");
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		awaitTheNextCommittee(resolution);
	}

	@Test
	void aDeletedPaperGoesToTheOfficeAsATask() {
		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE).until(() -> countOf("/agendaitem/1001") >= 1);

		oparl.serve("/paper/0815", "paper-0815-deleted");

		await().atMost(PATIENCE).until(() -> !openTasks(resolution, CLARIFY_RESULT).isEmpty());
		assertThat(this.runtime.getVariable(resolution.getId(), COUNCIL_SYSTEM_NOTE)).asString()
			.contains("Die Drucksache 2026/0815 wurde im Ratsinformationssystem gelöscht.");
		assertThat(openTasks(resolution, CLARIFY_RESULT).get(0).getName()).startsWith("Beratungsergebnis klären");
		assertThat(jobsOf(resolution)).as("no more look-ups").isEmpty();
	}

	@Test
	void anUnknownResultTextIsNeverGuessedButGivenToTheOfficeAndItsChoiceIsListedForTheAdministrators() {
		oparl.serve("/agendaitem/1001", "agendaitem-1001-unknown");

		ProcessInstance resolution = submitThePaper();

		await().atMost(PATIENCE).until(() -> !openTasks(resolution, CLARIFY_RESULT).isEmpty());
		assertThat(this.runtime.getVariable(resolution.getId(), COUNCIL_SYSTEM_NOTE)).asString()
			.contains("„Aushang im Foyer“")
			.contains("Ratsweg ordnet es keinem Ausgang zu.");
		assertThat(this.runtime.getVariable(resolution.getId(), RESOLUTION_TEXT))
			.isEqualTo("Der Ausschuss nimmt die Vorlage zur Kenntnis.");
		assertThat(this.runtime.getVariable(resolution.getId(), RESULT)).as("no result is assumed").isNull();
		assertThat(this.resultTexts.unread()).filteredOn((unread) -> unread.text().equals("Aushang im Foyer"))
			.singleElement()
			.satisfies((unread) -> assertThat(unread.occurrences()).isEqualTo(1))
			.satisfies((unread) -> assertThat(unread.choices()).isEmpty());

		Task clarify = openTasks(resolution, CLARIFY_RESULT).get(0);
		this.tasks.complete(clarify.getId(), Map.of(RESULT, PASSED, RESOLUTION_TEXT, "Zur Kenntnis genommen."));
		assertThat(lastSession(resolution)).containsEntry("result", PASSED).doesNotContainKey("source");
		assertThat(openTasks(resolution, RECORD_RESULT)).isEmpty();
		assertThat(this.resultTexts.unread()).filteredOn((unread) -> unread.text().equals("Aushang im Foyer"))
			.singleElement()
			.satisfies((unread) -> assertThat(unread.choices()).containsExactly(Map.entry(PASSED, 1)));
	}

	@Test
	void ofTwoConsultationsInOneCommitteeTheAuthoritativeOneCounts() {
		// a first reading in an earlier meeting, then the consultation that decides
		oparl.serve("/body/soest/papers/page/2", "papers-page-2-two-readings");
		oparl.serve("/paper/0815", "paper-0815-two-readings");
		oparl.serve("/meeting/100", "meeting-100");
		oparl.serve("/agendaitem/1000", "agendaitem-1000");
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		ProcessInstance resolution = submitThePaper();

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("result", PASSED)
			.containsEntry("agendaItem", oparl.base() + "/agendaitem/1001")
			.containsEntry("meetingDate", "2026-12-03");
		assertThat(oparl.requests()).as("the first reading's result is not taken").doesNotContain("/agendaitem/1000");
	}

	@Test
	void aPaperListWithoutEndIsLeftForTheCommitteesMeetingOnTheScheduledDay() {
		// a server that ignores modified_since and pages a few papers at a time: more
		// pages
		// than max-pages (500), none of them with the paper
		for (int page = 1; page <= 501; page++) {
			oparl.serveRaw((page == 1) ? "/body/soest/papers" : "/body/soest/papers/endless/" + page,
					"{\"data\": [], \"links\": {\"next\": \"" + oparl.base() + "/body/soest/papers/endless/"
							+ (page + 1) + "\"}}");
		}
		String today = LocalDate.now().toString();
		oparl.serveRaw("/body/soest/organizations",
				"{\"data\": [" + oparl.fixture("organization-digital") + "], \"links\": {}}");
		oparl.serveRaw("/organization/digital/meetings", "{\"data\": [" + oparl.fixture("meeting-101")
			.replace("2026-12-03", today)
			.replace("\"organization\"", "\"agendaItem\": [{\"id\": \"" + oparl.base()
					+ "/agendaitem/1001\", \"type\": \"https://schema.oparl.org/1.1/AgendaItem\", \"consultation\": \""
					+ oparl.base() + "/consultation/5001\"}], \"organization\"")
				+ "], \"links\": {}}");
		oparl.serveRaw("/consultation/5001",
				"{\"id\": \"" + oparl.base()
						+ "/consultation/5001\", \"type\": \"https://schema.oparl.org/1.1/Consultation\", \"paper\": \""
						+ oparl.base() + "/paper/0815\"}");
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		ProcessInstance resolution = submitThePaper();

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("result", PASSED)
			.containsEntry("agendaItem", oparl.base() + "/agendaitem/1001");
		assertThat(oparl.requests()).as("found through the committee's meetings")
			.contains("/organization/digital/meetings")
			.doesNotContain("/body/soest/papers/endless/501");
	}

	@Test
	void anAgendaItemNamedOnlyInTheMeetingIsFoundThere() {
		oparl.serveRaw("/body/soest/papers/page/2", oparl.fixture("papers-page-2")
			.replace("\"agendaItem\": \"" + oparl.base() + "/agendaitem/1001\",", ""));
		oparl.serveRaw("/paper/0815",
				oparl.fixture("paper-0815").replace("\"agendaItem\": \"" + oparl.base() + "/agendaitem/1001\",", ""));
		oparl.serveRaw("/meeting/101", oparl.fixture("meeting-101")
			.replace("\"organization\"", "\"agendaItem\": [{\"id\": \"" + oparl.base()
					+ "/agendaitem/1001\", \"type\": \"https://schema.oparl.org/1.1/AgendaItem\", \"consultation\": \""
					+ oparl.base() + "/consultation/5001\"}], \"organization\""));
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");

		ProcessInstance resolution = submitThePaper();

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("result", PASSED)
			.containsEntry("agendaItem", oparl.base() + "/agendaitem/1001");
	}

	@Test
	void theOfficePicksTheMeetingFromTheCommitteesCalendar() {
		LocalDate today = LocalDate.now();
		oparl.serveRaw("/body/soest/organizations",
				"{\"data\": [" + oparl.fixture("organization-digital") + "], \"links\": {}}");
		oparl.serveRaw("/organization/digital/meetings",
				"{\"data\": [" + meeting(102, today.minusDays(20), false) + ", "
						+ meeting(103, today.plusDays(40), false) + ", " + meeting(104, today.plusDays(10), true) + ", "
						+ meeting(105, today.plusDays(75), false) + "], \"links\": {}}");

		ProcessInstance resolution = DemoRoster.as(this.engine, DemoRoster.ADMIN, DemoRoster.SOEST,
				() -> this.runtime.startProcessInstanceByKey(PROCESS_KEY, ProjectIdeas.smartStreetLighting()));
		Task schedule = openTasks(resolution, SCHEDULE).get(0);

		assertThat(String.valueOf(this.tasks.getVariableLocal(schedule.getId(), UPCOMING_MEETINGS)))
			.as("upcoming meetings only, not a cancelled one, the earliest first")
			.isEqualTo(
					"[{\"label\":\"%s – Sitzung 103\",\"value\":\"%s\"},{\"label\":\"%s – Sitzung 105\",\"value\":\"%s\"}]"
						.formatted(Dates.german(today.plusDays(40)), today.plusDays(40),
								Dates.german(today.plusDays(75)), today.plusDays(75)));
		this.tasks.complete(schedule.getId(), Map.of(OFFERED_MEETING, today.plusDays(40).toString()));

		assertThat(this.runtime.getVariable(resolution.getId(), MEETING_DATE)).isEqualTo(today.plusDays(40).toString());
		assertThat(this.runtime.getVariable(resolution.getId(), OFFERED_MEETING)).isNull();
		assertThat(openTasks(resolution, SUBMIT_PAPER)).hasSize(1);
	}

	private static String meeting(int number, LocalDate day, boolean cancelled) {
		return ("{\"id\": \"%s/meeting/%d\", \"type\": \"https://schema.oparl.org/1.1/Meeting\", "
				+ "\"name\": \"Sitzung %d\", \"cancelled\": %b, \"start\": \"%sT17:00:00+01:00\"}")
			.formatted(oparl.base(), number, number, cancelled, day);
	}

	@Test
	void aPreliminaryCommitteeThatTookNoteHandsThePaperOn() {
		oparl.serve("/agendaitem/1001", "agendaitem-1001-noted");

		ProcessInstance resolution = submitThePaper();

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("result", NOTED)
			.containsEntry("source", "oparl")
			.containsEntry("oparlResult", "Zur Kenntnis genommen");
	}

	@Test
	void aServerThatIsDownAndBackAgainLosesNothing() {
		oparl.stop();

		ProcessInstance resolution = submitThePaper();

		Job lookUp = awaitFailedLookUp(resolution);
		assertThat(lookUp.getExceptionMessage()).contains("not reachable");
		assertThat(this.runtime.getVariable(resolution.getId(), PAPER_REFERENCE)).as("the office's input is kept")
			.isEqualTo("2026/0815");
		assertThat(openTasks(resolution, RECORD_RESULT)).hasSize(1);

		oparl.start();
		oparl.serve("/agendaitem/1001", "agendaitem-1001-decided");
		this.management.executeJob(lookUp.getId());

		awaitTheNextCommittee(resolution);
		assertThat(lastSession(resolution)).containsEntry("source", "oparl");
	}

	@Test
	void aServerThatStaysDownRaisesAnIncidentAndTheOfficeRecordsByHand() {
		oparl.stop();
		ProcessInstance resolution = submitThePaper();
		Job lookUp = awaitFailedLookUp(resolution);

		failUntilIncident(lookUp);

		Incident incident = this.runtime.createIncidentQuery().processInstanceId(resolution.getId()).singleResult();
		assertThat(incident).as("an incident, not a lost instance").isNotNull();
		assertThat(incident.getActivityId()).isEqualTo(LOOK_UP_RESULT);
		assertThat(incident.getIncidentMessage()).contains("not reachable");
		assertThat(this.runtime.getVariable(resolution.getId(), PAPER_REFERENCE))
			.as("the office's submission of the paper is kept: the look-up runs after it, as a job of its own")
			.isEqualTo("2026/0815");
		assertThat(this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(resolution.getId())
			.taskDefinitionKey(SUBMIT_PAPER)
			.finished()
			.count()).isOne();

		Task byHand = openTasks(resolution, RECORD_RESULT).get(0);
		this.tasks.complete(byHand.getId(), Map.of(RESULT, PASSED, RESOLUTION_TEXT, "Empfehlung an den Rat."));

		assertThat(this.runtime.createIncidentQuery().processInstanceId(resolution.getId()).count())
			.as("the failed look-up ended with the sub-process")
			.isZero();
		assertThat(openTasks(resolution, SCHEDULE)).hasSize(1);
		assertThat(lastSession(resolution)).containsEntry("result", PASSED).doesNotContainKey("source");
	}

	@Test
	void malformedJsonFailsTheLookUpUntilItIsAnIncident() {
		oparl.serveRaw("/agendaitem/1001", "{\"id\": \"x\", \"result\": \"Ungeändert beschl");

		ProcessInstance resolution = submitThePaper();
		Job lookUp = awaitFailedLookUp(resolution);
		assertThat(lookUp.getExceptionMessage()).contains("malformed JSON");
		failUntilIncident(lookUp);

		assertThat(this.runtime.createIncidentQuery().processInstanceId(resolution.getId()).count()).isEqualTo(1);
		assertThat(this.runtime.getVariable(resolution.getId(), RESULT)).isNull();
		assertThat(openTasks(resolution, RECORD_RESULT)).hasSize(1);
	}

	@Test
	void aPostponementRecordedByHandIsNotTakenAgainFromTheCouncilSystem() {
		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE).until(() -> this.runtime.getVariable(resolution.getId(), OPARL_AGENDA_ITEM) != null);

		Task byHand = openTasks(resolution, RECORD_RESULT).get(0);
		this.tasks.complete(byHand.getId(),
				Map.of(RESULT, POSTPONED, NEXT_MEETING_DATE, LocalDate.now().plusDays(60).toString()));
		oparl.serve("/agendaitem/1001", "agendaitem-1001-postponed");
		long asked = countOf("/paper/0815");
		await().atMost(PATIENCE).until(() -> countOf("/paper/0815") >= asked + 2);

		assertThat(sessions(resolution)).as("one session, recorded by hand").hasSize(1);
		assertThat(lastSession(resolution)).containsEntry("result", POSTPONED)
			.containsEntry("agendaItem", oparl.base() + "/agendaitem/1001")
			.doesNotContainKey("source");
		assertThat(openTasks(resolution, RECORD_RESULT)).as("the office waits for the next meeting").hasSize(1);
		assertThat(this.runtime.getVariable(resolution.getId(), COUNCIL_SYSTEM_STATUS)).isEqualTo(PENDING);
	}

	@Test
	void aPostponementPublishedInTheCouncilSystemWaitsForTheNextMeetingWithoutAsking() {
		oparl.serve("/agendaitem/1001", "agendaitem-1001-postponed");

		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE).until(() -> sessions(resolution).size() == 1);
		long asked = countOf("/paper/0815");
		await().atMost(PATIENCE).until(() -> countOf("/paper/0815") >= asked + 2);

		assertThat(lastSession(resolution)).containsEntry("result", POSTPONED).containsEntry("source", "oparl");
		assertThat(sessions(resolution)).as("the same item is not taken twice").hasSize(1);
		assertThat(openTasks(resolution, CLARIFY_RESULT)).as("the next meeting is simply not known yet").isEmpty();
		assertThat(openTasks(resolution, RECORD_RESULT)).hasSize(1);
	}

	@Test
	void addressesOnAnotherServerAreNotRead() {
		oparl.serveRaw("/body/soest/papers", oparl.fixture("papers-page-1")
			.replace(oparl.base() + "/body/soest/papers/page/2", "http://169.254.169.254/latest/meta-data"));

		ProcessInstance resolution = submitThePaper();

		assertThat(awaitFailedLookUp(resolution).getExceptionMessage()).contains("not on the configured server");
		assertThat(oparl.requests()).noneMatch((request) -> request.contains("meta-data"));
	}

	@Test
	void aPaperListThatLeadsBackToItselfIsAnError() {
		oparl.serveRaw("/body/soest/papers", oparl.fixture("papers-page-1")
			.replace(oparl.base() + "/body/soest/papers/page/2", oparl.base() + "/body/soest/papers"));

		ProcessInstance resolution = submitThePaper();

		assertThat(awaitFailedLookUp(resolution).getExceptionMessage()).contains("leads back to page");
	}

	@Test
	void aNotFoundAnswerIsAnErrorToRetryNotADeletion() {
		ProcessInstance resolution = submitThePaper();
		await().atMost(PATIENCE).until(() -> countOf("/agendaitem/1001") >= 1);

		oparl.serveRaw("/paper/0815", null);

		assertThat(awaitFailedLookUp(resolution).getExceptionMessage()).contains("answered 404");
		assertThat(openTasks(resolution, CLARIFY_RESULT)).isEmpty();
	}

	// --- steps
	// ---------------------------------------------------------------------------

	/**
	 * A Soest project's committee sequence: the meeting today at short notice, the paper
	 * submitted.
	 */
	private ProcessInstance submitThePaper() {
		// started as the main process does it, in Soest (called processes cannot be
		// started by staff)
		ProcessInstance resolution = DemoRoster.as(this.engine, DemoRoster.ADMIN, DemoRoster.SOEST,
				() -> this.runtime.startProcessInstanceByKey(PROCESS_KEY, ProjectIdeas.smartStreetLighting()));
		Task schedule = openTasks(resolution, SCHEDULE).get(0);
		// The meeting is today, at short notice, so that the office may record its result
		// at once: the engine clock stays put while this context's job executor runs. The
		// missed submission deadline is warned about first.
		this.tasks.complete(schedule.getId(),
				Map.of(MEETING_DATE, LocalDate.now().toString(), SHORT_NOTICE_CONFIRMED, true));
		await().atMost(PATIENCE)
			.until(() -> this.management.createJobQuery()
				.processInstanceId(resolution.getId())
				.activityId(SUBMISSION_DEADLINE_TIMER)
				.count() == 0);
		Task submit = openTasks(resolution, SUBMIT_PAPER).get(0);
		this.tasks.complete(submit.getId(), Map.of(PAPER_REFERENCE, "2026/0815", "paperSummary",
				"Der Rat beschließt die Einrichtung des Digitalen Bürgerbüros."));
		return resolution;
	}

	private void awaitTheNextCommittee(ProcessInstance resolution) {
		await().atMost(PATIENCE).until(() -> !openTasks(resolution, SCHEDULE).isEmpty());
		assertThat(this.runtime.getVariable(resolution.getId(), COMMITTEE_NAME))
			.isNotEqualTo("Ausschuss für Digitalisierung");
	}

	/** The look-up after its first failure: tried again later, not yet an incident. */
	private Job awaitFailedLookUp(ProcessInstance resolution) {
		await().atMost(PATIENCE)
			.until(() -> jobsOf(resolution).stream().anyMatch((job) -> job.getExceptionMessage() != null));
		Job lookUp = jobsOf(resolution).get(0);
		assertThat(lookUp.getRetries()).as("retries left after the first failure").isPositive();
		assertThat(this.runtime.createIncidentQuery().processInstanceId(resolution.getId()).count()).isZero();
		return lookUp;
	}

	/**
	 * Runs the failing look-up (as the job executor would, hours apart) until no retry is
	 * left.
	 */
	private void failUntilIncident(Job lookUp) {
		for (int attempt = 0; attempt < 10 && retriesOf(lookUp) > 0; attempt++) {
			assertThatThrownBy(() -> this.management.executeJob(lookUp.getId())).isInstanceOf(RuntimeException.class);
		}
		assertThat(retriesOf(lookUp)).isZero();
	}

	private int retriesOf(Job job) {
		return this.management.createJobQuery().jobId(job.getId()).singleResult().getRetries();
	}

	private List<Job> jobsOf(ProcessInstance resolution) {
		return this.management.createJobQuery().processInstanceId(resolution.getId()).activityId(LOOK_UP_RESULT).list();
	}

	private List<Task> openTasks(ProcessInstance resolution, String taskKey) {
		return this.tasks.createTaskQuery().processInstanceId(resolution.getId()).taskDefinitionKey(taskKey).list();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> sessions(ProcessInstance resolution) {
		Object sessions = this.runtime.getVariable(resolution.getId(), RESULTS);
		return (sessions != null) ? (List<Map<String, Object>>) sessions : List.of();
	}

	private Map<String, Object> lastSession(ProcessInstance resolution) {
		List<Map<String, Object>> sessions = sessions(resolution);
		return sessions.get(sessions.size() - 1);
	}

	private long countOf(String path) {
		return oparl.requests().stream().filter((request) -> request.equals(path)).count();
	}

}
