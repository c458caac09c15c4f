package de.ratsweg.committee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import de.ratsweg.DeployedModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.engine.TaskInputException;
import de.ratsweg.kernel.Dates;

import static de.ratsweg.OnDay.on;
import static de.ratsweg.committee.CommitteeResolution.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * "Gremienbeschluss": the Zuständigkeitsordnung names the committees in order; each one
 * is scheduled, gets the paper before the submission deadline and resolves, until the
 * deciding committee has spoken.
 */
class CommitteeResolutionProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final ScriptedCouncilSystem councilSystem = new ScriptedCouncilSystem();

	@RegisterExtension
	final DeployedModels models = DeployedModels.of(engine, PROCESS_KEY + ".bpmn", DECISION_KEY + ".dmn")
		.withBean("committeeResolution", new Consultations())
		.withBean("councilInformationSystem", this.councilSystem);

	private static final String DIGITAL = "Ausschuss für Digitalisierung";

	private static final String CLIMATE = "Ausschuss für Klima, Umwelt und Nachhaltigkeit";

	private static final String MAIN = "Haupt- und Finanzausschuss";

	private static final String COUNCIL = "Rat der Stadt";

	@Test
	void aLargeDigitalClimateProjectGoesThroughFourCommitteesUpToTheCouncil() {
		ProcessInstance resolution = startResolution(Map.of());

		for (String committee : List.of(DIGITAL, CLIMATE, MAIN, COUNCIL)) {
			assertThat(resolution).variables().containsEntry(COMMITTEE_NAME, committee);
			consult(resolution, PASSED, Map.of());
		}

		assertThat(resolution).isEnded()
			.hasPassed(END_PASSED)
			.variables()
			.containsEntry("committeeOutcome", PASSED)
			.containsEntry(SESSION_COUNT, 4)
			.doesNotContainKey(COMMITTEE_NAME);
	}

	@Test
	void aSmallProjectIsDecidedByTheMainCommitteeAfterItsSpecialistCommittee() {
		ProcessInstance resolution = startResolution(
				Map.of("estimatedCost", 50000, "focusArea", "education", "digitalSolution", false));

		assertThat(resolution).variables()
			.containsEntry(COMMITTEE_NAME, "Ausschuss für Bildung und Soziales")
			.containsEntry(COMMITTEE_ROLE, PRELIMINARY);
		consult(resolution, PASSED, Map.of());
		assertThat(resolution).variables().containsEntry(COMMITTEE_NAME, MAIN).containsEntry(COMMITTEE_ROLE, DECIDING);
		consult(resolution, PASSED, Map.of());

		assertThat(resolution).isEnded().variables().containsEntry(SESSION_COUNT, 2);
	}

	@Test
	void theTasksNameProjectAndCommittee() {
		ProcessInstance resolution = startResolution(Map.of());

		assertThat(task(resolution)).hasCandidateGroup("ratsbuero")
			.hasName("Sitzungstermin festlegen – „Smarte Straßenbeleuchtung“ (Ausschuss für Digitalisierung)");
	}

	@Test
	void aPostponedItemReturnsInTheNextMeetingOfTheSameCommittee() {
		ProcessInstance resolution = startResolution(Map.of());
		String nextMeeting = LocalDate.now().plusDays(60).toString();

		consult(resolution, POSTPONED, Map.of(NEXT_MEETING_DATE, nextMeeting));

		assertThat(resolution).isWaitingAt(RECORD_RESULT)
			.variables()
			.containsEntry(COMMITTEE_NAME, DIGITAL)
			.containsEntry(MEETING_DATE, nextMeeting)
			.containsEntry(SESSION_COUNT, 1);
		on(LocalDate.parse(nextMeeting), () -> complete(task(resolution),
				withVariables(RESULT, PASSED, RESOLUTION_TEXT, "Empfehlung an den Rat")));
		assertThat(resolution).variables().containsEntry(COMMITTEE_NAME, CLIMATE).containsEntry(SESSION_COUNT, 2);
	}

	@Test
	void aPostponementNeedsTheNextMeetingDate() {
		ProcessInstance resolution = startResolution(Map.of());
		scheduleAndSubmit(resolution, LocalDate.now().plusDays(30));
		Task record = task(resolution);

		assertThatThrownBy(() -> complete(record, withVariables(RESULT, POSTPONED)))
			.isInstanceOf(TaskInputException.class)
			.hasMessageContaining("„Nächster Sitzungstermin“ fehlt.");
		assertThat(taskQuery().taskId(record.getId()).count()).isEqualTo(1);
	}

	@Test
	void aDeferredItemIsScheduledAgainInTheSameCommittee() {
		ProcessInstance resolution = startResolution(Map.of());

		consult(resolution, DEFERRED, Map.of());

		assertThat(resolution).isWaitingAt(SCHEDULE).variables().containsEntry(COMMITTEE_NAME, DIGITAL);
	}

	@Test
	void aReferralToAnotherCommitteeComesBackToTheOfficeToScheduleAgain() {
		ProcessInstance resolution = startResolution(Map.of());

		consult(resolution, REFERRED, Map.of());

		assertThat(resolution).isWaitingAt(SCHEDULE).variables().containsEntry(COMMITTEE_NAME, DIGITAL);
	}

	@Test
	void aPreliminaryCommitteeThatTookNoteHandsThePaperOn() {
		ProcessInstance resolution = startResolution(Map.of());

		consult(resolution, NOTED, Map.of());

		assertThat(resolution).isWaitingAt(SCHEDULE).variables().containsEntry(COMMITTEE_NAME, CLIMATE);
	}

	@Test
	void theDecidingCommitteeCannotJustTakeNote() {
		ProcessInstance resolution = startResolution(Map.of());
		for (int i = 0; i < 3; i++) {
			consult(resolution, PASSED, Map.of());
		}

		assertThatThrownBy(() -> consult(resolution, NOTED, Map.of())).isInstanceOf(TaskInputException.class)
			.hasMessageContaining("Das entscheidende Gremium muss beschließen");
		assertThat(resolution).isWaitingAt(RECORD_RESULT);
	}

	@Test
	void changesOfTheResolutionAreShownToTheLeadUnitBeforeGoingOn() {
		ProcessInstance resolution = startResolution(Map.of());

		consult(resolution, PASSED_WITH_CHANGES, Map.of(RESOLUTION_CHANGES, "Nur zwei Pilotstraßen"));

		assertThat(resolution).isWaitingAt(REVIEW_CHANGES);
		assertThat(task(resolution)).hasCandidateGroup("fb-stadtentwicklung");
		complete(task(resolution), withVariables("changesAcknowledged", true));
		assertThat(resolution).isWaitingAt(SCHEDULE)
			.variables()
			.containsEntry(COMMITTEE_NAME, CLIMATE)
			.as("what the last committee decided does not count for the next")
			.containsEntry(RESULT, null)
			.containsEntry(RESOLUTION_CHANGES, null)
			.containsEntry("changesAcknowledged", null)
			.containsEntry(MEETING_DATE, null)
			.containsEntry(PAPER_REFERENCE, "2026/0815");
	}

	@Test
	void aRejectionInAPreliminaryCommitteeIsARecommendationAndTheSequenceGoesOn() {
		ProcessInstance resolution = startResolution(Map.of());

		consult(resolution, REJECTED, Map.of());

		assertThat(resolution).isWaitingAt(SCHEDULE).variables().containsEntry(COMMITTEE_NAME, CLIMATE);
	}

	@Test
	void aRejectionInTheDecidingCommitteeEndsTheResolutionAsRejected() {
		ProcessInstance resolution = startResolution(Map.of());
		for (int i = 0; i < 3; i++) {
			consult(resolution, PASSED, Map.of());
		}

		consult(resolution, REJECTED, Map.of());

		assertThat(resolution).isEnded()
			.hasPassed(END_REJECTED)
			.variables()
			.containsEntry("committeeOutcome", REJECTED)
			.containsEntry(SESSION_COUNT, 4);
	}

	@Test
	void aMeetingCloserThanTheSubmissionDeadlineNeedsAConfirmationAndThePaperTaskShowsTheWarning() {
		ProcessInstance resolution = startResolution(Map.of());
		LocalDate meeting = LocalDate.now().plusDays(10);

		assertThatThrownBy(() -> complete(task(resolution), withVariables(MEETING_DATE, meeting.toString())))
			.satisfies((refused) -> assertThat(TaskInputException.findIn(refused)).hasMessageContaining(
					"lässt die Vorlagefrist von 21 Tagen nicht mehr zu (die Vorlage wäre bis %s einzureichen gewesen)"
						.formatted(Dates.german(meeting.minusDays(21)))));
		assertThat(resolution).isWaitingAt(SCHEDULE);

		complete(task(resolution), withVariables(MEETING_DATE, meeting.toString(), SHORT_NOTICE_CONFIRMED, true));

		assertThat(resolution).isWaitingAt(SUBMIT_PAPER)
			.variables()
			.hasEntrySatisfying(SUBMISSION_WARNING, (warning) -> assertThat(warning).asString()
				.startsWith("Kurzfristiger Termin: Die Vorlagefrist für die Sitzung am " + Dates.german(meeting)));
	}

	@Test
	void theResultOfAMeetingCannotBeRecordedBeforeTheMeetingDay() {
		ProcessInstance resolution = startResolution(Map.of());
		LocalDate meeting = LocalDate.now().plusDays(30);
		scheduleAndSubmit(resolution, meeting);
		assertThat(runtimeService().getVariable(resolution.getId(), SUBMISSION_WARNING)).as("the deadline was kept")
			.isNull();

		assertThatThrownBy(
				() -> complete(task(resolution), withVariables(RESULT, PASSED, RESOLUTION_TEXT, "Beschluss")))
			.satisfies((refused) -> assertThat(TaskInputException.findIn(refused)).hasMessageContaining(
					"Die Sitzung am %s hat noch nicht stattgefunden".formatted(Dates.german(meeting))));
		assertThat(resolution).isWaitingAt(RECORD_RESULT);

		on(meeting, () -> complete(task(resolution), withVariables(RESULT, PASSED, RESOLUTION_TEXT, "Beschluss")));
		assertThat(resolution).isWaitingAt(SCHEDULE);
	}

	@Test
	void theSubmissionDeadlineIsThreeWeeksBeforeTheMeetingAndAMissedOneIsWarnedAbout() {
		ProcessInstance resolution = startResolution(Map.of());
		LocalDate meeting = LocalDate.now().plusDays(30);
		complete(task(resolution), withVariables(MEETING_DATE, meeting.toString()));
		Job deadline = job(SUBMISSION_DEADLINE_TIMER, resolution);
		assertThat(deadline.getDuedate().toInstant())
			.isEqualTo(meeting.minusDays(21).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());

		execute(deadline);

		assertThat(resolution).hasPassed(WARN_DEADLINE_MISSED, "EndEvent_SubmissionWarningSent")
			.isWaitingAt(SUBMIT_PAPER)
			.variables()
			.containsEntry(SUBMISSION_DEADLINES_MISSED, 1);
	}

	@Test
	void withoutACouncilInformationSystemOnlyTheOfficeRecordsTheResult() {
		ProcessInstance resolution = startResolution(Map.of());
		scheduleAndSubmit(resolution, LocalDate.now().plusDays(30));

		assertThat(resolution).hasPassed(END_NO_COUNCIL_SYSTEM).isWaitingAt(RECORD_RESULT);
		assertThat(jobQuery().processInstanceId(resolution.getId()).count()).isZero();
	}

	@Test
	void aResultPublishedInTheCouncilInformationSystemIsTakenOverAndTheOfficesTaskEnds() {
		this.councilSystem.connected().notYetPublished().published(PASSED, "Empfehlung an den Rat: einrichten.");
		ProcessInstance resolution = startResolution(Map.of());
		scheduleAndSubmit(resolution, LocalDate.now().plusDays(30));
		assertThat(resolution).isWaitingAt(RECORD_RESULT, LOOK_UP_RESULT);

		execute(job(LOOK_UP_RESULT, resolution));
		assertThat(resolution).isWaitingAt(RECORD_RESULT, NEXT_LOOK_UP);
		execute(job(NEXT_LOOK_UP, resolution));
		execute(job(LOOK_UP_RESULT, resolution));

		assertThat(resolution).hasPassed(END_RESULT_TAKEN_OVER)
			.isWaitingAt(SCHEDULE)
			.variables()
			.containsEntry(COMMITTEE_NAME, CLIMATE)
			.containsEntry(SESSION_COUNT, 1);
		assertThat(historyService().createHistoricTaskInstanceQuery()
			.processInstanceId(resolution.getId())
			.taskDefinitionKey(RECORD_RESULT)
			.singleResult()
			.getDeleteReason()).as("the office's task was cancelled, not completed").isEqualTo("deleted");
		assertThat(sessions(resolution)).singleElement()
			.satisfies((session) -> assertThat(session).containsEntry("committeeName", DIGITAL)
				.containsEntry("result", PASSED)
				.containsEntry("source", "oparl")
				.containsEntry("resolutionText", "Empfehlung an den Rat: einrichten.")
				.doesNotContainKey("user"));
	}

	@Test
	void theOfficeRecordingTheResultFirstEndsTheLookUps() {
		this.councilSystem.connected().notYetPublished();
		ProcessInstance resolution = startResolution(Map.of());
		scheduleAndSubmit(resolution, LocalDate.now().plusDays(30));
		execute(job(LOOK_UP_RESULT, resolution));
		assertThat(resolution).isWaitingAt(RECORD_RESULT, NEXT_LOOK_UP);

		on(LocalDate.now().plusDays(30), () -> complete(task(RECORD_RESULT, resolution),
				withVariables(RESULT, PASSED, RESOLUTION_TEXT, "Empfehlung an den Rat")));

		assertThat(resolution).hasPassed(END_RECORDED_BY_HAND).isWaitingAt(SCHEDULE);
		assertThat(jobQuery().processInstanceId(resolution.getId()).count()).as("no look-up is left").isZero();
		assertThat(sessions(resolution)).singleElement()
			.satisfies((session) -> assertThat(session).doesNotContainKey("source"));
	}

	@Test
	void aResultTheCouncilSystemCannotMapGoesToTheOfficeAsATask() {
		this.councilSystem.connected()
			.unclear("Das Ratsinformationssystem meldet „Aushang im Foyer“; bitte wählen Sie das Ergebnis.");
		ProcessInstance resolution = startResolution(Map.of());
		scheduleAndSubmit(resolution, LocalDate.now().plusDays(30));

		execute(job(LOOK_UP_RESULT, resolution));

		assertThat(resolution).isWaitingAt(RECORD_RESULT, CLARIFY_RESULT)
			.variables()
			.containsEntry(COUNCIL_SYSTEM_NOTE,
					"Das Ratsinformationssystem meldet „Aushang im Foyer“; bitte wählen Sie das Ergebnis.");
		assertThat(task(CLARIFY_RESULT, resolution)).hasCandidateGroup("ratsbuero");
		String clarify = task(CLARIFY_RESULT, resolution).getId();
		on(LocalDate.now().plusDays(30), () -> complete(task(CLARIFY_RESULT, resolution),
				withVariables(RESULT, REJECTED, RESOLUTION_TEXT, "Kenntnisnahme")));

		assertThat(resolution).hasPassed("EndEvent_ResultClarified")
			.isWaitingAt(SCHEDULE)
			.variables()
			.containsEntry(COMMITTEE_NAME, CLIMATE)
			.containsEntry(COUNCIL_SYSTEM_NOTE, null);
		assertThat(taskQuery().processInstanceId(resolution.getId()).taskDefinitionKey(RECORD_RESULT).count()).isZero();
		assertThat(this.councilSystem.clarified()).as("the office's choice is kept for the administrators")
			.containsExactly(clarify);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sessions(ProcessInstance resolution) {
		return (List<Map<String, Object>>) runtimeService().getVariable(resolution.getId(), RESULTS);
	}

	private ProcessInstance startResolution(Map<String, Object> changes) {
		ProcessInstance resolution = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "soest-2026-001",
				ProjectIdeas.smartStreetLighting(changes));
		assertThat(resolution).isWaitingAt(SCHEDULE);
		return resolution;
	}

	private static void scheduleAndSubmit(ProcessInstance resolution, LocalDate meeting) {
		complete(task(resolution), withVariables(MEETING_DATE, meeting.toString()));
		assertThat(resolution).isWaitingAt(SUBMIT_PAPER);
		complete(task(resolution), withVariables(PAPER_REFERENCE, "2026/0815", "paperSummary",
				"Der Rat beschließt die Pilotierung smarter Straßenbeleuchtung."));
		assertThat(resolution).isWaitingAt(RECORD_RESULT);
	}

	private static void consult(ProcessInstance resolution, String result, Map<String, Object> details) {
		if (!taskQuery().processInstanceId(resolution.getId()).taskDefinitionKey(RECORD_RESULT).list().isEmpty()) {
			throw new IllegalStateException("already at the result");
		}
		LocalDate meeting = LocalDate.now().plusDays(30);
		scheduleAndSubmit(resolution, meeting);
		Map<String, Object> variables = new HashMap<>(details);
		variables.put(RESULT, result);
		if (!POSTPONED.equals(result) && !DEFERRED.equals(result) && !REFERRED.equals(result)
				&& !NOTED.equals(result)) {
			variables.put(RESOLUTION_TEXT, "Beschluss: " + result);
		}
		on(meeting, () -> complete(task(resolution), variables));
	}

}
