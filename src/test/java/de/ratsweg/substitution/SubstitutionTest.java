package de.ratsweg.substitution;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.TestMailServer;
import de.ratsweg.kernel.Dates;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Substitution (Vertretung): Thomas Schulz of Soest's treasury is away; Andrea Kaiser,
 * also of the treasury, stands in. His co-signing task is hers to do during his absence,
 * and only then; a colleague of another city may not stand in; history says on whose
 * behalf she completed it.
 */
@RatswegSpringTest
class SubstitutionTest {

	private static final String ABSENT = DemoRoster.TREASURY;

	private static final String SUBSTITUTE = DemoRoster.TREASURY_LEAD;

	private final ProcessEngine engine;

	private final TaskService tasks;

	private final TestRestTemplate http;

	private final JdbcClient jdbc;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private Task coSigning;

	@Autowired
	SubstitutionTest(ProcessEngine engine, TestRestTemplate http, JdbcClient jdbc) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.http = http;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void thomasSchulzHasClaimedHisCoSigningTask() {
		this.jdbc.sql("DELETE FROM ratsweg_absence").update();
		DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", "soest-" + System.nanoTime(),
							ProjectIdeas.smartStreetLighting()));
		this.coSigning = DemoRoster.as(this.engine, ABSENT, () -> {
			Task task = this.tasks.createTaskQuery()
				.taskDefinitionKey("Task_CoSignProjectIdea")
				.taskUnassigned()
				.listPage(0, 1)
				.get(0);
			this.tasks.claim(task.getId(), ABSENT);
			return task;
		});
		TestMailServer.start();
	}

	@AfterEach
	void backToToday() {
		ClockUtil.reset();
		TestMailServer.start();
	}

	@Test
	void beforeAndAfterTheAbsenceNothingChangesDuringItTheSubstituteGetsTheTaskAndItsMails() throws Exception {
		LocalDate today = Dates.today();
		ResponseEntity<Map<String, Object>> recorded = record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay",
				today.plusDays(1).toString(), "lastDay", today.plusDays(3).toString(), "note", "Urlaub"));
		assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
		assertThat((List<?>) recorded.getBody().get("handedOver")).as("nothing before the first day").isEmpty();
		assertThat(substituteIsCandidate()).isFalse();
		assertThat(mailedWhenAssignedAgain()).containsExactly("tschulz@demo.ratsweg.de");

		ClockUtil.setCurrentTime(Dates.startOf(today.plusDays(1)));
		executeAbsenceTimers();
		assertThat(substituteIsCandidate()).as("the first day of the absence").isTrue();
		assertThat(mailedWhenAssignedAgain()).containsExactlyInAnyOrder("tschulz@demo.ratsweg.de",
				"akaiser@demo.ratsweg.de");

		ClockUtil.setCurrentTime(Dates.endOf(today.plusDays(3)));
		executeAbsenceTimers();
		assertThat(substituteIsCandidate()).as("the day after the absence").isFalse();
		assertThat(this.engine.getAuthorizationService()
			.createAuthorizationQuery()
			.userIdIn(SUBSTITUTE)
			.resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
			.resourceId(this.coSigning.getId())
			.count()).as("no permission of her own on his task left").isZero();
		assertThat(mailedWhenAssignedAgain()).containsExactly("tschulz@demo.ratsweg.de");
	}

	@Test
	void aSubstituteFromAnotherCityOrWithoutTheRoleIsRefusedInGerman() {
		LocalDate today = Dates.today();
		ResponseEntity<Map<String, Object>> menden = record(ABSENT, Map.of("substituteId", DemoRoster.MENDEN_TREASURY,
				"firstDay", today.toString(), "lastDay", today.plusDays(2).toString()));
		assertThat(menden.getStatusCode().value()).isEqualTo(400);
		assertThat(menden.getBody()).containsEntry("status", 400)
			.containsEntry("title", "Ungültige Angaben")
			.containsEntry("detail",
					"Eine Vertretung „ghartmann“ gibt es in der Stadt Soest nicht. Bitte eine Person aus der Liste auswählen.");
		ResponseEntity<Map<String, Object>> unknown = record(ABSENT, Map.of("substituteId", "niemand", "firstDay",
				today.toString(), "lastDay", today.plusDays(2).toString()));
		assertThat(unknown.getStatusCode().value()).as("like someone who does not exist").isEqualTo(400);
		assertThat(String.valueOf(unknown.getBody()).replace("niemand", "?"))
			.isEqualTo(String.valueOf(menden.getBody()).replace(DemoRoster.MENDEN_TREASURY, "?"));

		ResponseEntity<Map<String, Object>> otherRole = record(ABSENT, Map.of("substituteId", DemoRoster.IT, "firstDay",
				today.toString(), "lastDay", today.plusDays(2).toString()));
		assertThat(otherRole.getStatusCode().value()).isEqualTo(400);
		assertThat((String) otherRole.getBody().get("detail"))
			.startsWith("Jonas Wagner hat keine Rolle von Thomas Schulz (Kämmerei)");

		ResponseEntity<Map<String, Object>> forSomeoneElse = record(DemoRoster.IT, Map.of("userId", ABSENT,
				"substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));
		assertThat(forSomeoneElse.getStatusCode().value()).isEqualTo(403);
		assertThat((String) forSomeoneElse.getBody().get("detail")).isEqualTo(
				"Sie können nur Ihre eigene Abwesenheit eintragen; für andere trägt die Administration sie ein.");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ratsweg_absence").query(Long.class).single()).isZero();
		assertThat(substituteIsCandidate()).isFalse();
	}

	@Test
	void historyShowsThatTheSubstituteCompletedTheTaskOnBehalfOfTheAbsentColleague() {
		LocalDate today = Dates.today();
		ResponseEntity<Map<String, Object>> recorded = record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay",
				today.toString(), "lastDay", today.plusDays(5).toString()));
		assertThat(recorded.getStatusCode().value()).isEqualTo(201);
		assertThat((List<Map<String, Object>>) recorded.getBody().get("handedOver"))
			.extracting((task) -> task.get("taskId"))
			.containsExactly(this.coSigning.getId());

		ResponseEntity<String> submitted = new RestWork(this.http, DemoRoster.PASSWORD).submit(SUBSTITUTE,
				this.coSigning.getId(), Map.of("statement", "agreed"));
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);

		HistoricVariableInstance onBehalfOf = this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.taskIdIn(this.coSigning.getId())
			.variableName("completedOnBehalfOf")
			.singleResult();
		assertThat(onBehalfOf.getValue()).isEqualTo(ABSENT);
		List<Comment> comments = this.tasks.getTaskComments(this.coSigning.getId());
		assertThat(comments).extracting(Comment::getFullMessage)
			.containsExactly("Erledigt von Andrea Kaiser in Vertretung für Thomas Schulz.");
		assertThat(comments.get(0).getUserId()).isEqualTo(SUBSTITUTE);
		assertThat(this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(this.coSigning.getId())
			.singleResult()
			.getAssignee()).isEqualTo(ABSENT);
	}

	@Test
	void aSubstituteWhoTakesTheTaskOverStillCompletesItOnBehalfOfTheAbsentColleague() {
		LocalDate today = Dates.today();
		record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));

		DemoRoster.as(this.engine, SUBSTITUTE, () -> {
			this.tasks.setAssignee(this.coSigning.getId(), SUBSTITUTE);
			this.engine.getFormService().submitTaskForm(this.coSigning.getId(), Map.of("statement", "agreed"));
			return null;
		});

		assertThat(this.tasks.getTaskComments(this.coSigning.getId())).extracting(Comment::getFullMessage)
			.containsExactly("Erledigt von Andrea Kaiser in Vertretung für Thomas Schulz.");
	}

	@Test
	void anAdministratorRecordsTheAbsenceOfAnyone() {
		LocalDate today = Dates.today();

		ResponseEntity<Map<String, Object>> recorded = record(DemoRoster.ADMIN, Map.of("userId", ABSENT, "substituteId",
				SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));

		assertThat(recorded.getStatusCode().value()).isEqualTo(201);
		assertThat((Map<String, Object>) recorded.getBody().get("absence")).containsEntry("userId", ABSENT)
			.containsEntry("recordedBy", DemoRoster.ADMIN);
		assertThat(substituteIsCandidate()).isTrue();
	}

	@Test
	void removingTheAbsenceOrGivingTheTaskToSomeoneElseWithdrawsTheOffer() {
		LocalDate today = Dates.today();
		ResponseEntity<Map<String, Object>> recorded = record(ABSENT,
				Map.of("substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));
		assertThat(substituteIsCandidate()).isTrue();

		ResponseEntity<Void> removed = this.http.withBasicAuth(ABSENT, DemoRoster.PASSWORD)
			.exchange("/api/absences/" + ((Map<?, ?>) recorded.getBody().get("absence")).get("id"), HttpMethod.DELETE,
					null, Void.class);
		assertThat(removed.getStatusCode().value()).isEqualTo(204);
		assertThat(substituteIsCandidate()).as("the absence is removed").isFalse();

		record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));
		assertThat(substituteIsCandidate()).isTrue();
		DemoRoster.as(this.engine, DemoRoster.ADMIN, () -> {
			this.tasks.setAssignee(this.coSigning.getId(), DemoRoster.TREASURY_LEAD);
			this.tasks.setAssignee(this.coSigning.getId(), DemoRoster.STAFF);
			return null;
		});
		assertThat(substituteIsCandidate()).as("the task is no longer his").isFalse();
	}

	@Test
	void aTaskGivenBackToTheColleagueIsNotCompletedOnHisBehalf() {
		LocalDate today = Dates.today();
		record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay", today.toString()));
		DemoRoster.as(this.engine, SUBSTITUTE, () -> {
			this.tasks.setAssignee(this.coSigning.getId(), SUBSTITUTE);
			this.tasks.setAssignee(this.coSigning.getId(), ABSENT);
			return null;
		});

		DemoRoster.as(this.engine, ABSENT, () -> {
			this.engine.getFormService().submitTaskForm(this.coSigning.getId(), Map.of("statement", "agreed"));
			return null;
		});

		assertThat(this.tasks.getTaskComments(this.coSigning.getId())).isEmpty();
	}

	@Test
	void theAbsentColleagueSeesHisAbsenceAndTheSubstituteSeesWhomSheStandsInFor() {
		LocalDate today = Dates.today();
		record(ABSENT, Map.of("substituteId", SUBSTITUTE, "firstDay", today.toString(), "lastDay",
				today.plusDays(1).toString()));

		for (String user : List.of(ABSENT, SUBSTITUTE)) {
			ResponseEntity<List> listed = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
				.getForEntity("/api/absences", List.class);
			assertThat(listed.getBody()).singleElement()
				.satisfies((absence) -> assertThat((Map<String, Object>) absence)
					.containsEntry("userName", "Thomas Schulz")
					.containsEntry("substituteName", "Andrea Kaiser")
					.containsEntry("state", "läuft"));
		}
		assertThat(this.http.withBasicAuth(DemoRoster.IT, DemoRoster.PASSWORD)
			.getForEntity("/api/absences", List.class)
			.getBody()).isEmpty();
	}

	@Test
	void anAbsenceWithoutSubstituteOrWithTheDaysReversedIsRefusedBeforeAnythingIsRecorded() {
		LocalDate today = Dates.today();
		Map<String, Object> reversed = new LinkedHashMap<>();
		reversed.put("firstDay", today.plusDays(3).toString());
		reversed.put("lastDay", today.plusDays(1).toString());
		reversed.put("note", "x".repeat(501));

		ResponseEntity<Map<String, Object>> refused = record(ABSENT, reversed);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).containsEntry("status", 400)
			.containsEntry("detail",
					"Bitte eine Vertretung auswählen. Die Bemerkung ist zu lang (höchstens 500 Zeichen). "
							+ "Der letzte Tag liegt vor dem ersten Tag. Bitte die Daten prüfen.");
		assertThat(this.http.withBasicAuth(ABSENT, DemoRoster.PASSWORD)
			.getForEntity("/api/absences", List.class)
			.getBody()).as("nothing recorded").isEmpty();
	}

	@Test
	void anUnreadableDayIsRefusedInGerman() {
		ResponseEntity<Map<String, Object>> refused = record(ABSENT,
				Map.of("substituteId", SUBSTITUTE, "firstDay", "1.12.2026", "lastDay", "2026-12-05"));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((String) refused.getBody().get("detail"))
			.startsWith("Die Angaben sind unvollständig oder unlesbar: Daten bitte als JJJJ-MM-TT");
	}

	// --- steps ---------------------------------------------------------------------

	@SuppressWarnings("unchecked")
	private ResponseEntity<Map<String, Object>> record(String user, Map<String, Object> absence) {
		ResponseEntity<Map> response = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
			.exchange("/api/absences", HttpMethod.POST, RestWork.json(absence), Map.class);
		return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
	}

	private boolean substituteIsCandidate() {
		return this.tasks.getIdentityLinksForTask(this.coSigning.getId())
			.stream()
			.map(IdentityLink::getUserId)
			.anyMatch(SUBSTITUTE::equals);
	}

	/**
	 * The board office gives the task back and assigns it to Thomas Schulz again: who is
	 * told?
	 */
	private List<String> mailedWhenAssignedAgain() throws Exception {
		mailJobs().forEach((job) -> this.engine.getManagementService().deleteJob(job.getId()));
		TestMailServer.clear();
		DemoRoster.as(this.engine, DemoRoster.ADMIN, () -> {
			this.tasks.setAssignee(this.coSigning.getId(), null);
			this.tasks.setAssignee(this.coSigning.getId(), ABSENT);
			return null;
		});
		for (Job job : mailJobs()) {
			this.engine.getManagementService().executeJob(job.getId());
		}
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage mail : TestMailServer.received()) {
			to.add(mail.getAllRecipients()[0].toString());
		}
		return to;
	}

	private List<Job> mailJobs() {
		return this.engine.getManagementService()
			.createJobQuery()
			.list()
			.stream()
			.filter((job) -> "ratsweg-mail".equals(((JobEntity) job).getJobHandlerType()))
			.toList();
	}

	private void executeAbsenceTimers() {
		for (Job job : this.engine.getManagementService().createJobQuery().list()) {
			if ("ratsweg-absence".equals(((JobEntity) job).getJobHandlerType())
					&& !job.getDuedate().after(ClockUtil.getCurrentTime())) {
				this.engine.getManagementService().executeJob(job.getId());
			}
		}
	}

}
