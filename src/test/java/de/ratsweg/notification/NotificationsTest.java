package de.ratsweg.notification;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.TestMailServer;
import de.ratsweg.engine.notification.DeadlineSweep;
import de.ratsweg.engine.notification.Mail;
import de.ratsweg.engine.notification.MailJobHandler;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mails about tasks, sent through a real SMTP server in the test JVM: who gets one, what
 * it says, where its link leads, and that a mail server that is down loses nothing.
 */
@RatswegSpringTest
class NotificationsTest {

	private static final Pattern TASK_LINK = Pattern
		.compile("http://localhost:8080/camunda/app/tasklist/default/#/\\?task=([0-9a-f-]+)");

	private final ApplicationContext context;

	private final ProcessEngine engine;

	private final ManagementService management;

	private final TaskService tasks;

	private String deploymentId;

	private final TestRestTemplate http;

	@Autowired
	NotificationsTest(ApplicationContext context, ProcessEngine engine, TestRestTemplate http) {
		this.context = context;
		this.http = http;
		this.engine = engine;
		this.management = engine.getManagementService();
		this.tasks = engine.getTaskService();
	}

	@BeforeEach
	void deployTheModelsCreateTheDemoUsersAndForgetOlderMails() {
		DemoRoster.createIn(this.context);
		this.deploymentId = ProcessModels.deploy(this.engine, List.of("SmartCityProjectProcess.bpmn",
				"DepartmentCoSigningProcess.bpmn", "BoardApprovalProcess.bpmn", "CommitteeResolutionProcess.bpmn",
				"FundingApplicationProcess.bpmn", "CoSigningDepartmentsDecision.dmn", "FundingRouteDecision.dmn",
				"ResponsibleCommitteesDecision.dmn", "CommitteeResultDecision.dmn", "OverdueTasksDigestProcess.bpmn"));
		jobs(MailJobHandler.TYPE).forEach((job) -> this.management.deleteJob(job.getId()));
		TestMailServer.start();
		TestMailServer.clear();
	}

	@AfterEach
	void removeTheModels() {
		TestMailServer.start();
		ClockUtil.reset();
		ProcessModels.undeploy(this.engine, this.deploymentId);
	}

	@Test
	void aNewTaskSendsOneGermanMailToEachPersonOfItsGroupInItsMunicipality() throws Exception {
		startProject();

		sendQueuedMails();

		// Co-signing of the street lighting: treasury, IT, environment and data
		// protection
		// of Soest, each group's members; nobody of Menden.
		assertThat(recipients()).containsExactlyInAnyOrder("tschulz@demo.ratsweg.de", "akaiser@demo.ratsweg.de",
				"jwagner@demo.ratsweg.de", "nschmitz@demo.ratsweg.de", "shoffmann@demo.ratsweg.de");
		for (MimeMessage mail : TestMailServer.received()) {
			String to = mail.getAllRecipients()[0].toString();
			String user = to.substring(0, to.indexOf('@'));
			String text = text(mail);
			assertThat(mail.getSubject())
				.startsWith("Neue Aufgabe: Projektidee mitzeichnen – „Smarte Straßenbeleuchtung“");
			assertThat(text).contains("Guten Tag ", "im Vorhaben „Smarte Straßenbeleuchtung“ (Stadt Soest)", "Frist: ",
					"Warum Sie: Sie gehören der Gruppe „");
			String taskId = linkedTask(text);
			assertThat(DemoRoster.as(this.engine, user,
					() -> this.tasks.createTaskQuery()
						.taskId(taskId)
						.taskDefinitionKey("Task_CoSignProjectIdea")
						.count()))
				.as("the link in %s's mail opens a co-signing task %s may work on", user, user)
				.isEqualTo(1);
		}
	}

	@Test
	void aDeadMailServerNeitherUndoesTheCompletedTaskNorLosesTheMail() throws Exception {
		startProject();
		sendQueuedMails();
		TestMailServer.clear();
		List<String> coSigners = List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.ENVIRONMENT,
				DemoRoster.DATA_PROTECTION);
		TestMailServer.stop();

		for (String user : coSigners) {
			coSign(user);
		}

		HistoricTaskInstance lastCoSigning = this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskDefinitionKey("Task_CoSignProjectIdea")
			.taskAssignee(DemoRoster.DATA_PROTECTION)
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1)
			.get(0);
		assertThat(lastCoSigning.getEndTime()).as("the co-signing is completed").isNotNull();
		Task prepare = this.tasks.createTaskQuery().taskDefinitionKey("Task_PrepareBoardAgendaItem").singleResult();
		assertThat(prepare).as("the board office's task exists").isNotNull();
		List<Job> queued = jobs(MailJobHandler.TYPE);
		assertThat(queued).as("one mail for the board office").hasSize(1);
		String jobId = queued.get(0).getId();

		int attempts = 0;
		while (this.management.createJobQuery().jobId(jobId).singleResult().getRetries() > 0 && attempts < 10) {
			assertThatThrownBy(() -> this.management.executeJob(jobId)).as("the mail server is down");
			attempts++;
			Job failed = this.management.createJobQuery().jobId(jobId).singleResult();
			if (failed.getRetries() > 0) {
				assertThat(failed.getDuedate()).as("tried again later, not at once")
					.isAfter(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(9).toMillis()));
			}
		}
		assertThat(attempts).as("five tries in all (R5/PT10M)").isEqualTo(5);
		assertThat(this.http.getForObject("/actuator/health", String.class))
			.as("Ratsweg stays in the load balancer while the mail server is down")
			.contains("\"status\":\"UP\"");
		assertThat(this.engine.getRuntimeService().createIncidentQuery().configuration(jobId).singleResult())
			.as("an incident of the board's process in Cockpit")
			.satisfies((incident) -> assertThat(incident.getProcessDefinitionId())
				.isEqualTo(prepare.getProcessDefinitionId()));
		assertThat(this.management.createJobQuery().jobId(jobId).singleResult().getExceptionMessage())
			.contains("Mail server connection failed");

		TestMailServer.start();
		this.management.setJobRetries(jobId, 1);
		this.management.executeJob(jobId);

		assertThat(recipients()).containsExactly("lfischer@demo.ratsweg.de");
		assertThat(linkedTask(text(TestMailServer.received().get(0)))).isEqualTo(prepare.getId());
		assertThat(this.engine.getRuntimeService().createIncidentQuery().configuration(jobId).count()).isZero();
	}

	@Test
	void everyTaskIsRemindedBeforeItsDueDateAndEscalatedToTheLeadAfterIt() throws Exception {
		sweepAt(ClockUtil.getCurrentTime());
		startProject();
		sendQueuedMails();
		TestMailServer.clear();
		Task treasury = DemoRoster.as(this.engine, DemoRoster.TREASURY,
				() -> this.tasks.createTaskQuery().taskDefinitionKey("Task_CoSignProjectIdea").singleResult());
		Instant reminder = treasury.getDueDate().toInstant().minus(Duration.ofDays(2));
		Instant escalation = treasury.getDueDate().toInstant().plus(Duration.ofDays(1));

		sweepAt(Date.from(reminder.minus(Duration.ofMinutes(1))));
		assertThat(mailsAbout(treasury)).as("before the reminder's time").isEmpty();

		sweepAt(Date.from(reminder.plus(Duration.ofMinutes(1))));
		assertThat(recipientsOf(mailsAbout(treasury))).containsExactlyInAnyOrder("tschulz@demo.ratsweg.de",
				"akaiser@demo.ratsweg.de");
		assertThat(mailsAbout(treasury).get(0).getSubject()).startsWith("Erinnerung, Frist bald erreicht: ");
		TestMailServer.clear();

		sweepAt(Date.from(escalation.minus(Duration.ofMinutes(1))));
		assertThat(mailsAbout(treasury)).as("the reminder goes out once").isEmpty();

		sweepAt(Date.from(escalation.plus(Duration.ofMinutes(1))));
		assertThat(recipientsOf(mailsAbout(treasury))).as("the lead of the treasury")
			.containsExactly("akaiser@demo.ratsweg.de");
		assertThat(mailsAbout(treasury).get(0).getSubject()).startsWith("Überfällig: Projektidee mitzeichnen");
		assertThat(text(mailsAbout(treasury).get(0))).contains("Bearbeitet von: noch niemand");
	}

	@Test
	void aNewDueDateMovesTheRemindersAndATaskThatEndedHasNone() throws Exception {
		sweepAt(ClockUtil.getCurrentTime());
		startProject();
		sendQueuedMails();
		TestMailServer.clear();
		Task treasury = DemoRoster.as(this.engine, DemoRoster.TREASURY,
				() -> this.tasks.createTaskQuery().taskDefinitionKey("Task_CoSignProjectIdea").singleResult());
		Instant firstReminder = treasury.getDueDate().toInstant().minus(Duration.ofDays(2));
		Date later = Date.from(treasury.getDueDate().toInstant().plus(Duration.ofDays(10)));
		treasury.setDueDate(later);
		this.tasks.saveTask(treasury);

		sweepAt(Date.from(firstReminder.plus(Duration.ofMinutes(1))));
		assertThat(mailsAbout(treasury)).as("the first due date no longer counts").isEmpty();
		Instant reminder = later.toInstant().minus(Duration.ofDays(2));
		sweepAt(Date.from(reminder.plus(Duration.ofMinutes(1))));
		assertThat(recipientsOf(mailsAbout(treasury))).contains("tschulz@demo.ratsweg.de");
		TestMailServer.clear();

		coSign(DemoRoster.TREASURY);
		sweepAt(Date.from(later.toInstant().plus(Duration.ofDays(2))));
		assertThat(mailsAbout(treasury)).as("no escalation of a task that ended").isEmpty();
		assertThat(jobs(DeadlineSweep.TYPE)).as("one sweep, due one interval later")
			.singleElement()
			.satisfies((job) -> assertThat(job.getDuedate())
				.isEqualTo(Date.from(later.toInstant().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(15)))));
	}

	@Test
	void someoneAssignedATaskByAColleagueIsToldAndNobodyIsToldOfWhatTheyTookThemselves() throws Exception {
		startProject();
		sendQueuedMails();
		TestMailServer.clear();
		Task treasury = DemoRoster.as(this.engine, DemoRoster.TREASURY,
				() -> this.tasks.createTaskQuery().taskDefinitionKey("Task_CoSignProjectIdea").singleResult());

		DemoRoster.as(this.engine, DemoRoster.TREASURY, () -> {
			this.tasks.claim(treasury.getId(), DemoRoster.TREASURY);
			return null;
		});
		assertThat(jobs(MailJobHandler.TYPE)).isEmpty();

		DemoRoster.as(this.engine, DemoRoster.TREASURY, () -> {
			this.tasks.setAssignee(treasury.getId(), DemoRoster.TREASURY_LEAD);
			return null;
		});
		sendQueuedMails();
		assertThat(recipients()).containsExactly("akaiser@demo.ratsweg.de");
		assertThat(TestMailServer.received().get(0).getSubject()).startsWith("Ihnen zugewiesen: ");
		assertThat(text(TestMailServer.received().get(0))).contains("Warum Sie: Die Aufgabe ist Ihnen zugewiesen.");
	}

	@Test
	void theOverdueDigestListsExactlyTheOverdueTasksOfEachPersonAndOfTheGroupsALeadLeads() throws Exception {
		startProject();
		startProject();
		DemoRoster.as(this.engine, DemoRoster.MENDEN_STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", "menden-" + System.nanoTime(),
							ProjectIdeas.smartStreetLighting()));
		List<Task> ofTreasury = DemoRoster.as(this.engine, DemoRoster.TREASURY,
				() -> this.tasks.createTaskQuery()
					.taskDefinitionKey("Task_CoSignProjectIdea")
					.orderByTaskId()
					.asc()
					.listPage(0, 100));
		assertThat(ofTreasury).hasSize(2);
		Task overdue = ofTreasury.get(0);
		makeOverdue(overdue);
		DemoRoster.as(this.engine, DemoRoster.TREASURY, () -> {
			this.tasks.claim(overdue.getId(), DemoRoster.TREASURY);
			return null;
		});
		Task overdueInMenden = DemoRoster.as(this.engine, DemoRoster.MENDEN_TREASURY,
				() -> this.tasks.createTaskQuery().taskDefinitionKey("Task_CoSignProjectIdea").listPage(0, 1).get(0));
		makeOverdue(overdueInMenden);
		jobs(MailJobHandler.TYPE).forEach((job) -> this.management.deleteJob(job.getId()));
		TestMailServer.clear();

		this.engine.getRuntimeService().startProcessInstanceByKey("OverdueTasksDigestProcess");
		Job digest = this.management.createJobQuery()
			.processDefinitionKey("OverdueTasksDigestProcess")
			.activityId("ServiceTask_SendOverdueDigests")
			.singleResult();
		this.management.executeJob(digest.getId());
		sendQueuedMails();

		Map<String, String> digests = new java.util.HashMap<>();
		for (MimeMessage mail : TestMailServer.received()) {
			assertThat(mail.getSubject()).isEqualTo("Überfällig: 1 Aufgabe");
			digests.put(mail.getAllRecipients()[0].toString(), text(mail));
		}
		assertThat(digests).as("Soest's treasurer and lead, Menden's treasurer; nobody else")
			.containsOnlyKeys("tschulz@demo.ratsweg.de", "akaiser@demo.ratsweg.de", "ghartmann@demo.ratsweg.de");
		assertThat(linkedTasks(digests.get("tschulz@demo.ratsweg.de"))).containsExactly(overdue.getId());
		assertThat(digests.get("tschulz@demo.ratsweg.de")).contains("\nIhre Aufgaben:\n").doesNotContain("als Leitung");
		assertThat(linkedTasks(digests.get("akaiser@demo.ratsweg.de"))).containsExactly(overdue.getId());
		assertThat(digests.get("akaiser@demo.ratsweg.de"))
			.contains("Aufgaben Ihrer Gruppen (als Leitung):", "bearbeitet von Thomas Schulz")
			.doesNotContain("\nIhre Aufgaben:\n");
		assertThat(linkedTasks(digests.get("ghartmann@demo.ratsweg.de"))).containsExactly(overdueInMenden.getId());
	}

	private void makeOverdue(Task task) {
		Task late = this.tasks.createTaskQuery().taskId(task.getId()).singleResult();
		late.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() - Duration.ofHours(3).toMillis()));
		this.tasks.saveTask(late);
	}

	private static List<String> linkedTasks(String text) {
		return TASK_LINK.matcher(text).results().map((match) -> match.group(1)).toList();
	}

	// --- the story's steps ------------------------------------------------------------

	private void startProject() {
		DemoRoster.as(this.engine, DemoRoster.STAFF,
				() -> this.engine.getRuntimeService()
					.startProcessInstanceByKey("SmartCityProjectProcess", "soest-" + System.nanoTime(),
							ProjectIdeas.smartStreetLighting()));
	}

	private void coSign(String user) {
		DemoRoster.as(this.engine, user, () -> {
			Task task = this.tasks.createTaskQuery().taskDefinitionKey("Task_CoSignProjectIdea").listPage(0, 1).get(0);
			this.tasks.claim(task.getId(), user);
			this.engine.getFormService().submitTaskForm(task.getId(), Map.of("statement", "agreed"));
			return null;
		});
	}

	private void sendQueuedMails() {
		for (Job job : jobs(MailJobHandler.TYPE)) {
			this.management.executeJob(job.getId());
		}
	}

	private List<Job> jobs(String type) {
		return this.management.createJobQuery()
			.list()
			.stream()
			.filter((job) -> type.equals(((JobEntity) job).getJobHandlerType()))
			.toList();
	}

	/**
	 * Sets the clock and runs the sweep over due dates, then sends the mails it queued.
	 */
	private static List<MimeMessage> mailsAbout(Task task) throws MessagingException, IOException {
		List<MimeMessage> about = new java.util.ArrayList<>();
		for (MimeMessage mail : TestMailServer.received()) {
			if (linkedTasks(text(mail)).contains(task.getId())) {
				about.add(mail);
			}
		}
		return about;
	}

	private static List<String> recipientsOf(List<MimeMessage> mails) throws MessagingException {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage mail : mails) {
			to.add(mail.getAllRecipients()[0].toString());
		}
		return to;
	}

	private void sweepAt(Date time) {
		ClockUtil.setCurrentTime(time);
		List<Job> sweeps = jobs(DeadlineSweep.TYPE);
		assertThat(sweeps).as("one sweep over due dates").hasSize(1);
		this.management.executeJob(sweeps.get(0).getId());
		sendQueuedMails();
	}

	private static List<String> recipients() throws MessagingException {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage mail : TestMailServer.received()) {
			to.add(mail.getAllRecipients()[0].toString());
		}
		return to;
	}

	private static String text(MimeMessage mail) throws MessagingException, IOException {
		// lines travel as CRLF over SMTP
		return mail.getContent().toString().replace("\r\n", "\n");
	}

	private static String linkedTask(String text) {
		Matcher link = TASK_LINK.matcher(text);
		assertThat(link.find()).as("a link to the task in Tasklist").isTrue();
		return link.group(1);
	}

}
