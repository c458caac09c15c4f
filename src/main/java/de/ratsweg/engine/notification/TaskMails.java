package de.ratsweg.engine.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.notification.NotificationProperties;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tasklist.TaskColumns;

/**
 * The German mails: what arrived or is running late, for which project and municipality,
 * by when, and the link that opens the task in Tasklist. Composed when the mail is sent,
 * from the task as it is then. Plain text: nothing a user typed is ever interpreted as
 * markup.
 */
class TaskMails {

	private static final Logger log = LoggerFactory.getLogger(TaskMails.class);

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'",
			java.util.Locale.GERMANY);

	static final String FOOTER = """

			--
			Ratsweg – diese Nachricht wurde automatisch versandt.
			Alle Ihre Aufgaben: %s
			""";

	private final NotificationProperties properties;

	TaskMails(NotificationProperties properties) {
		this.properties = properties;
	}

	/**
	 * A mail ready to send.
	 */
	record Message(String to, String from, String subject, String text) {

		MimeMessage toMimeMessage(JavaMailSender sender) {
			MimeMessage message = sender.createMimeMessage();
			try {
				MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
				helper.setTo(this.to);
				helper.setFrom(this.from);
				helper.setSubject(this.subject);
				helper.setText(this.text, false);
			}
			catch (MessagingException ex) {
				throw new MailPreparationException(ex);
			}
			return message;
		}

	}

	/**
	 * The mail for the job, or null when there is nobody or nothing to tell.
	 */
	Message compose(ProcessEngineConfigurationImpl engine, Mail mail) {
		IdentityService identityService = engine.getIdentityService();
		User recipient = identityService.createUserQuery().userId(mail.userId()).singleResult();
		if (recipient == null || recipient.getEmail() == null || recipient.getEmail().isBlank()) {
			log.warn("No {} mail for user '{}': the user has no e-mail address (or no longer exists)", mail.kind(),
					mail.userId());
			return null;
		}
		String to = recipient.getEmail();
		if (mail.kind() == Mail.Kind.OVERDUE_DIGEST) {
			return digest(engine, recipient, to);
		}
		TaskService taskService = engine.getTaskService();
		Task task = taskService.createTaskQuery().taskId(mail.taskId()).singleResult();
		if (task == null) {
			log.info("No {} mail for user '{}': task {} is done or gone", mail.kind(), mail.userId(), mail.taskId());
			return null;
		}
		Map<String, Object> columns = taskService.getVariablesLocal(task.getId());
		StringBuilder text = new StringBuilder("Guten Tag ").append(UserDirectory.fullName(recipient)).append(",\n\n");
		String subject;
		switch (mail.kind()) {
			case NEW_TASK -> {
				subject = "Neue Aufgabe: " + task.getName();
				text.append("eine neue Aufgabe liegt für Sie bereit").append(about(columns)).append(".\n");
			}
			case ASSIGNED -> {
				subject = "Ihnen zugewiesen: " + task.getName();
				text.append("Ihnen wurde eine Aufgabe zugewiesen").append(about(columns)).append(".\n");
			}
			case REMINDER -> {
				subject = "Erinnerung, Frist bald erreicht: " + task.getName();
				text.append("die Frist dieser Aufgabe läuft bald ab").append(about(columns)).append(".\n");
			}
			case ESCALATION -> {
				subject = "Überfällig: " + task.getName();
				text.append("eine Aufgabe Ihrer Gruppe ist überfällig").append(about(columns)).append(".\n");
			}
			default -> throw new IllegalArgumentException("Not a task mail: " + mail.kind());
		}
		text.append("\nAufgabe: ").append(task.getName()).append('\n');
		if (task.getDescription() != null && !task.getDescription().isBlank()) {
			text.append("Was zu tun ist: ").append(task.getDescription().strip()).append('\n');
		}
		text.append("Frist: ").append(due(task.getDueDate())).append('\n');
		if (mail.kind() == Mail.Kind.ESCALATION) {
			text.append("Bearbeitet von: ")
				.append(task.getAssignee() != null ? UserDirectory.fullName(identityService, task.getAssignee())
						: "noch niemand (die Aufgabe wartet auf Übernahme)")
				.append('\n');
		}
		else {
			text.append("Warum Sie: ")
				.append(reason(identityService, taskService, task, recipient.getId()))
				.append('\n');
		}
		text.append("\nZur Aufgabe in Tasklist:\n").append(this.properties.taskLink(task.getId())).append('\n');
		text.append(FOOTER.formatted(this.properties.tasklistLink()));
		return new Message(to, this.properties.from(), subject, text.toString());
	}

	private Message digest(ProcessEngineConfigurationImpl engine, User recipient, String to) {
		List<Task> own = overdueTasksOf(engine, recipient.getId());
		List<Task> ofGroups = overdueTasksLedBy(engine, recipient.getId());
		ofGroups.removeIf((task) -> own.stream().anyMatch((mine) -> mine.getId().equals(task.getId())));
		if (own.isEmpty() && ofGroups.isEmpty()) {
			log.info("No overdue digest for user '{}': nothing is overdue any more", recipient.getId());
			return null;
		}
		StringBuilder text = new StringBuilder("Guten Tag ").append(UserDirectory.fullName(recipient)).append(",\n\n");
		text.append("diese Aufgaben haben ihre Frist überschritten (Stand: ")
			.append(due(ClockUtil.getCurrentTime()))
			.append(").\n");
		if (!own.isEmpty()) {
			text.append("\nIhre Aufgaben:\n");
			list(engine, own, text);
		}
		if (!ofGroups.isEmpty()) {
			text.append("\nAufgaben Ihrer Gruppen (als Leitung):\n");
			list(engine, ofGroups, text);
		}
		text.append(FOOTER.formatted(this.properties.tasklistLink()));
		int count = own.size() + ofGroups.size();
		String subject = (count == 1) ? "Überfällig: 1 Aufgabe" : "Überfällig: " + count + " Aufgaben";
		return new Message(to, this.properties.from(), subject, text.toString());
	}

	private void list(ProcessEngineConfigurationImpl engine, List<Task> tasks, StringBuilder text) {
		for (Task task : tasks) {
			Object municipality = engine.getTaskService().getVariableLocal(task.getId(), TaskColumns.MUNICIPALITY);
			text.append("- ").append(task.getName());
			if (municipality != null) {
				text.append(" (").append(municipality).append(')');
			}
			text.append("\n  Frist: ").append(due(task.getDueDate()));
			if (task.getAssignee() != null) {
				text.append(", bearbeitet von ")
					.append(UserDirectory.fullName(engine.getIdentityService(), task.getAssignee()));
			}
			text.append("\n  ").append(this.properties.taskLink(task.getId())).append('\n');
		}
	}

	/**
	 * The overdue tasks the user works on: assigned to them, or waiting in one of their
	 * groups (or offered to them personally) in their municipalities.
	 */
	static List<Task> overdueTasksOf(ProcessEngineConfigurationImpl engine, String userId) {
		TaskQuery query = engine.getTaskService()
			.createTaskQuery()
			.dueBefore(ClockUtil.getCurrentTime())
			.or()
			.taskAssignee(userId)
			.taskCandidateUser(userId)
			.endOr();
		return inTenantsOf(engine, userId, query).orderByDueDate().asc().unlimitedList();
	}

	/**
	 * The overdue tasks of the groups the user leads, in their municipalities.
	 */
	static List<Task> overdueTasksLedBy(ProcessEngineConfigurationImpl engine, String userId) {
		IdentityService identityService = engine.getIdentityService();
		if (identityService.createUserQuery().userId(userId).memberOfGroup(RatswegGroups.LEADS).count() == 0) {
			return new ArrayList<>();
		}
		List<String> led = UserDirectory.workGroupsOf(identityService, userId);
		if (led.isEmpty()) {
			return new ArrayList<>();
		}
		TaskQuery query = engine.getTaskService()
			.createTaskQuery()
			.dueBefore(ClockUtil.getCurrentTime())
			.taskCandidateGroupIn(led)
			.includeAssignedTasks();
		return new ArrayList<>(inTenantsOf(engine, userId, query).orderByDueDate().asc().unlimitedList());
	}

	private static TaskQuery inTenantsOf(ProcessEngineConfigurationImpl engine, String userId, TaskQuery query) {
		String[] tenants = UserDirectory.municipalitiesOf(engine.getIdentityService(), userId).toArray(String[]::new);
		return (tenants.length > 0) ? query.tenantIdIn(tenants) : query.withoutTenantId();
	}

	private static String about(Map<String, Object> columns) {
		Object project = columns.get(TaskColumns.PROJECT);
		Object municipality = columns.get(TaskColumns.MUNICIPALITY);
		StringBuilder about = new StringBuilder();
		if (project != null) {
			about.append(" im Vorhaben „").append(project).append('“');
		}
		if (municipality != null) {
			about.append(" (").append(municipality).append(')');
		}
		return about.toString();
	}

	private static String reason(IdentityService identityService, TaskService taskService, Task task, String userId) {
		if (userId.equals(task.getAssignee())) {
			return "Die Aufgabe ist Ihnen zugewiesen.";
		}
		Map<String, String> groups = new LinkedHashMap<>();
		boolean personal = false;
		for (var link : taskService.getIdentityLinksForTask(task.getId())) {
			if (userId.equals(link.getUserId())) {
				personal = true;
			}
			if (link.getGroupId() != null) {
				groups.put(link.getGroupId(), RatswegGroups.nameOf(link.getGroupId()));
			}
		}
		for (Map.Entry<String, String> group : groups.entrySet()) {
			if (identityService.createUserQuery().userId(userId).memberOfGroup(group.getKey()).count() > 0) {
				return "Sie gehören der Gruppe „" + group.getValue() + "“ an.";
			}
		}
		if (task.getAssignee() != null) {
			return "Sie vertreten " + UserDirectory.fullName(identityService, task.getAssignee()) + ".";
		}
		return personal ? "Die Aufgabe wird Ihnen persönlich angeboten." : "Sie vertreten eine abwesende Person.";
	}

	static String due(Date date) {
		return (date != null) ? DUE.format(date.toInstant().atZone(Dates.ZONE)) : "keine";
	}

}
