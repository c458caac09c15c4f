package de.ratsweg.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.security.DemoAccounts;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.startup.StartupStep;

/**
 * Demo data: on the first start of the demo profile, a handful of projects in Soest and
 * Menden, each at another stage, so that Tasklist and Cockpit show real work at once. The
 * demo users do every step themselves, through the same forms and checks as in Tasklist.
 * Nothing happens when there are projects already.
 */
@Component
@Profile(DemoAccounts.PROFILE)
public class DemoProjects implements StartupStep {

	private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

	private final ProcessEngine engine;

	private final TaskService tasks;

	private final IdentityService identity;

	public DemoProjects(ProcessEngine engine) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.identity = engine.getIdentityService();
	}

	@Override
	public Stage stage() {
		return Stage.DEMO_DATA;
	}

	@Override
	public String description() {
		return "demo projects in Soest and Menden (first start only)";
	}

	@Override
	public void run() {
		if (this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.count() > 0) {
			return;
		}
		try {
			create();
			log.info("Demo data: 8 projects in Soest and Menden (see Tasklist, Cockpit and the overview)");
		}
		catch (RuntimeException ex) {
			log.warn("Demo data could not be created completely (the models may have been changed): {}",
					ex.getMessage());
		}
	}

	/**
	 * Each step happens on its day in the past (the engine's clock is set back for it),
	 * so that the overview shows real durations; the steps that open today's tasks lie
	 * only a few days back, so that no task is late but the one meant to be.
	 */
	public void create() {
		// the engine's clock is set back for all of the JVM: no job may run meanwhile
		if (EngineClock.jobsRun(this.engine)) {
			throw new IllegalStateException("Demo projects are created before the job executor starts, never while "
					+ "it runs (their steps move the engine's clock)");
		}
		try {
			createOnTheirDays();
		}
		finally {
			EngineClock.reset();
		}
	}

	private void createOnTheirDays() {
		// Soest, just started: the departments co-sign.
		on(3, () -> start("mmueller", "DEMO-SO-1",
				idea("Smarte Parkplätze in der Altstadt",
						"Parksuchverkehr belastet die Altstadt; freie Plätze sind nicht zu sehen.", 85_000, true, false,
						"[\"fb-stadtentwicklung\"]")));

		// Soest, co-signed: the board votes by circulation.
		on(24, () -> start("mmueller", "DEMO-SO-2", idea("Digitales Bürgerbüro",
				"Termine im Bürgerbüro sind nur telefonisch zu vereinbaren.", 140_000, true, true, "[]")));
		on(16, () -> coSignEverything("DEMO-SO-2"));
		on(2, () -> work("DEMO-SO-2", "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Online-Terminvergabe und digitale Anträge im Bürgerbüro", "decisionMode",
						"circulation", "votingDays", 5)));

		// Soest, approved by the board: the committee office plans the consultations.
		on(52, () -> start("mmueller", "DEMO-SO-3", idea("Sensorik für Grünflächen",
				"Grünflächen werden nach Plan statt nach Bedarf bewässert.", 60_000, true, false, "[\"fb-umwelt\"]")));
		on(40, () -> coSignEverything("DEMO-SO-3"));
		on(12, () -> work("DEMO-SO-3", "Task_PrepareBoardAgendaItem",
				Map.of("agendaSummary", "Bodenfeuchtesensoren in drei Parks", "decisionMode", "meeting",
						"boardMeetingDate", Dates.today().plusDays(9).toString())));
		on(3, () -> work("DEMO-SO-3", "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "boardRemarks", "Einstimmig freigegeben", "chefsache", false)));

		// Soest, rejected by the board: finished.
		on(120, () -> start("mmueller", "DEMO-SO-4", idea("Drohnenlieferung für Medikamente",
				"Apotheken am Stadtrand sind schlecht erreichbar.", 900_000, true, true, "[]")));
		on(101, () -> coSignEverything("DEMO-SO-4"));
		on(95, () -> work("DEMO-SO-4", "Task_PrepareBoardAgendaItem", Map.of("agendaSummary", "Pilot Drohnenlieferung",
				"decisionMode", "meeting", "boardMeetingDate", Dates.today().toString())));
		on(88, () -> work("DEMO-SO-4", "Task_RecordBoardDecision", Map.of("boardDecision", "rejected", "boardRemarks",
				"Rechtlich und finanziell derzeit nicht darstellbar", "chefsache", false)));

		// Soest, finished: the whole way up to the project organisation, paid from the
		// budget,
		// with a postponement in the committees.
		fromIdeaToOrganisation("DEMO-SO-5", 400,
				idea("Digitale Bürgerbeteiligung",
						"Beteiligungsverfahren laufen auf Papier; junge Menschen nehmen kaum teil.", 50_000, true,
						false, "[]")
					.putValue(SmartCityProject.FOCUS_AREA, "education")
					.putValue(SmartCityProject.DIGITAL_SOLUTION, false)
					.putValue(SmartCityProject.PREFERRED_FINANCING, "budget"),
				"2025/0412", true);
		fromIdeaToOrganisation("DEMO-SO-6", 230,
				idea("Schul-WLAN für die Grundschulen",
						"In vier Grundschulen gibt es kein verlässliches WLAN im Unterricht.", 30_000, true, false,
						"[]")
					.putValue(SmartCityProject.FOCUS_AREA, "education")
					.putValue(SmartCityProject.DIGITAL_SOLUTION, false)
					.putValue(SmartCityProject.PREFERRED_FINANCING, "budget"),
				"2026/0233", false);

		// Menden, just started, and the treasury is late.
		start("eschmidt", "DEMO-ME-1",
				idea("Smarte Straßenbeleuchtung Menden",
						"Die Straßenbeleuchtung brennt die ganze Nacht mit voller Leistung.", 240_000, true, false,
						"[\"fb-umwelt\"]"));
		makeOverdue("DEMO-ME-1", "kaemmerei");

		// Menden, sent back by the board: the staff revises the idea.
		on(30, () -> start("eschmidt", "DEMO-ME-2", idea("Offene Daten für Menden",
				"Daten der Stadt sind nicht maschinenlesbar veröffentlicht.", 45_000, true, false, "[]")));
		on(20, () -> coSignEverything("DEMO-ME-2"));
		on(12, () -> work("DEMO-ME-2", "Task_PrepareBoardAgendaItem", Map.of("agendaSummary", "Open-Data-Portal",
				"decisionMode", "meeting", "boardMeetingDate", Dates.today().plusDays(7).toString())));
		on(4, () -> work("DEMO-ME-2", "Task_RecordBoardDecision", Map.of("boardDecision", "revise", "boardRemarks",
				"Betriebskosten nach Projektende darstellen", "chefsache", false)));
	}

	/**
	 * A project that went all the way, starting the given number of days ago: co-signed,
	 * approved by the board, resolved by each committee (the first one postponing it
	 * once, if asked), and organised.
	 */
	private void fromIdeaToOrganisation(String key, int daysAgo, VariableMap idea, String paper, boolean postpone) {
		int day = daysAgo;
		on(day, () -> start("mmueller", key, idea));
		on(day -= 18, () -> coSignEverything(key));
		on(day -= 6, () -> work(key, "Task_PrepareBoardAgendaItem", Map.of("agendaSummary", "Vorlage für den Vorstand",
				"decisionMode", "meeting", "boardMeetingDate", Dates.today().plusDays(6).toString())));
		on(day -= 6, () -> work(key, "Task_RecordBoardDecision",
				Map.of("boardDecision", "approved", "boardRemarks", "Freigegeben", "chefsache", false)));
		boolean postponeNext = postpone;
		while (!open(key, "Task_ScheduleConsultation").isEmpty()) {
			on(day -= 4, () -> work(key, "Task_ScheduleConsultation",
					Map.of("meetingDate", Dates.today().plusDays(35).toString())));
			on(day -= 10, () -> work(key, "Task_SubmitResolutionPaper", Map.of("paperReference", paper, "paperSummary",
					"Der Ausschuss empfiehlt / der Rat beschließt das Vorhaben.")));
			if (postponeNext) {
				on(day -= 25, () -> work(key, "Task_RecordCommitteeResult", Map.of("committeeResult", "postponed",
						"nextMeetingDate", Dates.today().plusDays(24).toString())));
				postponeNext = false;
			}
			on(day -= 26, () -> work(key, "Task_RecordCommitteeResult",
					Map.of("committeeResult", "passed", "resolutionText", "Einstimmig beschlossen")));
		}
		on(day - 12,
				() -> work(key, "Task_SetUpProjectOrganisation", Map.of("projectLead", "Jana Vogt", "workLevelStaffed",
						true, "jobPostingNeeded", false, "kickOffDate", Dates.today().plusDays(14).toString())));
	}

	/** Does the step as if it were that many days ago (at ten in the morning). */
	private static void on(int daysAgo, Runnable step) {
		EngineClock.set(Date.from(LocalDate.now(Dates.ZONE)
			.minusDays(daysAgo)
			.atTime(LocalTime.of(10, 0))
			.atZone(Dates.ZONE)
			.toInstant()));
		try {
			step.run();
		}
		finally {
			EngineClock.reset();
		}
	}

	private static VariableMap idea(String title, String need, int cost, boolean digital, boolean personalData,
			String involvedDepartments) {
		return Variables.createVariables()
			.putValue(SmartCityProject.TITLE, title)
			.putValue(SmartCityProject.NEED_GAP, need)
			.putValue(SmartCityProject.NEED_AUDIENCE, "Bürgerinnen und Bürger")
			.putValue(SmartCityProject.STRATEGIC_PURPOSE, "Baustein der Smart-City-Strategie")
			.putValue(SmartCityProject.FOCUS_AREA, "climate")
			.putValue(SmartCityProject.LEAD_UNIT, "fb-stadtentwicklung")
			.putValueTyped(SmartCityProject.INVOLVED_DEPARTMENTS, SpinValues.jsonValue(involvedDepartments).create())
			.putValue(SmartCityProject.DIGITAL_SOLUTION, digital)
			.putValue(SmartCityProject.PERSONAL_DATA, personalData)
			.putValue(SmartCityProject.ESTIMATED_COST, cost)
			.putValue(SmartCityProject.PREFERRED_FINANCING, "funding")
			.putValue(SmartCityProject.WORK_PACKAGES, "Konzept: 6 Wochen\nPilot: 26 Wochen")
			.putValue(SmartCityProject.EXTERNAL_CONSULTING, false);
	}

	private void start(String staff, String businessKey, VariableMap idea) {
		as(staff, () -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(SmartCityProject.PROCESS_KEY, businessKey, idea));
	}

	private void coSignEverything(String businessKey) {
		for (Task task : open(businessKey, "Task_CoSignProjectIdea")) {
			completeAsMemberOfItsGroup(task, Map.of("statement", "agreed"));
		}
	}

	private void work(String businessKey, String taskKey, Map<String, Object> input) {
		for (Task task : open(businessKey, taskKey)) {
			completeAsMemberOfItsGroup(task, input);
		}
	}

	private void makeOverdue(String businessKey, String group) {
		for (Task task : open(businessKey, "Task_CoSignProjectIdea")) {
			boolean ofGroup = this.tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.anyMatch((link) -> group.equals(link.getGroupId()));
			if (ofGroup) {
				task.setDueDate(Date.from(Dates.today().minusDays(3).atStartOfDay(Dates.ZONE).toInstant()));
				this.tasks.saveTask(task);
			}
		}
	}

	private List<Task> open(String businessKey, String taskKey) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.orderByTaskId()
			.asc()
			.listPage(0, 50);
	}

	private void completeAsMemberOfItsGroup(Task task, Map<String, Object> input) {
		String user = this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.flatMap((group) -> this.identity.createUserQuery()
				.memberOfGroup(group)
				.memberOfTenant(task.getTenantId())
				.orderByUserId()
				.asc()
				.listPage(0, 1)
				.stream())
			.map(User::getId)
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("Nobody of task " + task.getName() + " in " + task.getTenantId()));
		as(user, () -> {
			this.tasks.claim(task.getId(), user);
			this.engine.getFormService().submitTaskForm(task.getId(), input);
			return null;
		});
	}

	private <T> T as(String userId, Supplier<T> action) {
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(userId)
			.listPage(0, 100)
			.stream()
			.map(Group::getId)
			.toList();
		List<String> tenants = UserDirectory.municipalitiesOf(this.identity, userId);
		this.identity.setAuthentication(userId, groups, tenants);
		try {
			return action.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

}
