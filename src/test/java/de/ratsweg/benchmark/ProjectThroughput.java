package de.ratsweg.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.context.ConfigurableApplicationContext;

import de.ratsweg.ProcessModels;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.security.DemoRoster;

/**
 * B3: whole Smart-City projects on the happy path, through every called process
 * (co-signing, board approval, each committee, funding application), via the Java API
 * with several threads: on Ratsweg (plugins, form checks, authorization, each step done
 * by a user of the right group) and on a plain engine configuration with the same models
 * and beans (no Ratsweg plugins, authorization off).
 */
final class ProjectThroughput {

	/** Projects per second and the duration of one project, for one configuration. */
	record Run(int projects, int threads, Duration time, Samples projectTime, int failures, String firstFailure) {

		double perSecond() {
			return this.projects / (this.time.toNanos() / 1e9);
		}

	}

	/**
	 * The statements whole projects sent, one project after the other, by the engine's
	 * statement name.
	 */
	record Cost(int projects, int steps, Map<String, Long> statements) {

		long total() {
			return this.statements.values().stream().mapToLong(Long::longValue).sum();
		}

		double perStep(long count) {
			return (double) count / (this.projects * (double) this.steps);
		}

	}

	record Result(Run ratsweg, Run plain, int steps, Cost ratswegCost, Cost plainCost) {
	}

	/** Projects counted statement by statement, before the measured run. */
	static final int COUNTED_PROJECTS = 3;

	private final int projects;

	private final int threads;

	private volatile int stepsPerProject;

	ProjectThroughput(int projects, int threads) {
		this.projects = projects;
		this.threads = threads;
	}

	Result run() {
		String ratswegDatabase = Databases.PREFIX + "projects";
		String plainDatabase = Databases.PREFIX + "projects_plain";
		Run ratswegRun;
		Run plainRun;
		Cost ratswegCost;
		Cost plainCost;
		try (ConfigurableApplicationContext ratsweg = Engines.ratsweg(Databases.fresh(ratswegDatabase))) {
			DemoRoster.createIn(ratsweg);
			ProcessEngine engine = ratsweg.getBean(ProcessEngine.class);
			ratswegCost = count("Ratsweg", engine, true);
			ratswegRun = this.projects > 0 ? measure("Ratsweg", engine, true) : null;
			ProcessEngine plain = Engines.plain("bench-projects-plain", Databases.fresh(plainDatabase), false, ratsweg,
					null);
			try {
				ProcessModels.deployMunicipalProcesses(plain);
				plainCost = count("plain", plain, false);
				plainRun = this.projects > 0 ? measure("plain", plain, false) : null;
			}
			finally {
				plain.close();
			}
		}
		Databases.drop(ratswegDatabase);
		Databases.drop(plainDatabase);
		return new Result(ratswegRun, plainRun, this.stepsPerProject, ratswegCost, plainCost);
	}

	/**
	 * The statements of whole projects, one after the other, after one project to warm
	 * the caches (process definitions, forms, decision tables).
	 */
	private Cost count(String configuration, ProcessEngine engine, boolean ratsweg) {
		String definitionId = definitionId(engine);
		StatementCount statements = StatementCount.installIn(engine);
		projects(engine, definitionId, ratsweg, 1, 1, configuration + "-countwarmup");
		int[] failures = new int[1];
		Map<String, Long> counted = statements.of(() -> failures[0] = projects(engine, definitionId, ratsweg,
				COUNTED_PROJECTS, 1, configuration + "-count")
			.failures());
		if (failures[0] > 0) {
			throw new IllegalStateException(failures[0] + " counted projects failed on " + configuration);
		}
		Cost cost = new Cost(COUNTED_PROJECTS, this.stepsPerProject, counted);
		Benchmark.log("B3 %s: %d statements per project, %.1f per step", configuration, cost.total() / COUNTED_PROJECTS,
				cost.perStep(cost.total()));
		return cost;
	}

	private static String definitionId(ProcessEngine engine) {
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.latestVersion()
			.withoutTenantId()
			.singleResult()
			.getId();
	}

	private Run measure(String configuration, ProcessEngine engine, boolean ratsweg) {
		String definitionId = definitionId(engine);
		// warm-up: two projects per thread
		projects(engine, definitionId, ratsweg, 2 * this.threads, this.threads, configuration + "-warmup");
		Run run = projects(engine, definitionId, ratsweg, this.projects, this.threads, configuration);
		Benchmark.log("B3 %s: %d projects in %d ms with %d threads, %.2f projects/s, %d failures", configuration,
				run.projects(), run.time().toMillis(), run.threads(), run.perSecond(), run.failures());
		return run;
	}

	private Run projects(ProcessEngine engine, String definitionId, boolean ratsweg, int count, int threads,
			String name) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Samples projectTime = new Samples();
		AtomicInteger failures = new AtomicInteger();
		List<String> failureMessages = new ArrayList<>();
		long start = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String key = name.toUpperCase().replaceAll("[^A-Z]", "") + "-" + i;
				done.add(pool.submit(() -> {
					long projectStart = System.nanoTime();
					try {
						new Project(engine, definitionId, ratsweg, key).run();
						projectTime.add(System.nanoTime() - projectStart);
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						synchronized (failureMessages) {
							failureMessages.add(ex.toString());
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdown();
		}
		return new Run(count, threads, Duration.ofNanos(System.nanoTime() - start), projectTime, failures.get(),
				failureMessages.isEmpty() ? null : failureMessages.get(0));
	}

	/** One project on the happy path, each step done as the demo user of its group. */
	private final class Project {

		private final ProcessEngine engine;

		private final String definitionId;

		private final boolean ratsweg;

		private String businessKey;

		private int steps;

		Project(ProcessEngine engine, String definitionId, boolean ratsweg, String businessKey) {
			this.engine = engine;
			this.definitionId = definitionId;
			this.ratsweg = ratsweg;
			this.businessKey = businessKey;
		}

		void run() {
			// a short-notice meeting today, confirmed: its result can be recorded at once
			String meeting = Dates.today().toString();
			VariableMap idea = ProjectIdeas.smartStreetLighting();
			idea.putValueTyped("involvedDepartments", SpinValues.jsonValue("[\"fb-umwelt\"]").create());
			ProcessInstance project = as(DemoRoster.STAFF,
					() -> this.ratsweg ? this.engine.getFormService().submitStartForm(this.definitionId, idea)
							: this.engine.getFormService().submitStartForm(this.definitionId, this.businessKey, idea));
			this.steps++;
			if (this.ratsweg) {
				// Ratsweg gives the project its number (SOEST-2026-0001) as business key
				this.businessKey = this.engine.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(project.getId())
					.singleResult()
					.getBusinessKey();
			}
			for (String user : List.of(DemoRoster.TREASURY, DemoRoster.IT, DemoRoster.DATA_PROTECTION,
					DemoRoster.ENVIRONMENT)) {
				work(user, "Task_CoSignProjectIdea", Map.of("statement", "agreed"));
			}
			work(DemoRoster.BOARD_OFFICE, "Task_PrepareBoardAgendaItem",
					Map.of("agendaSummary", "Pilot in der Innenstadt", "decisionMode", "meeting", "boardMeetingDate",
							Dates.today().toString()));
			work(DemoRoster.BOARD_OFFICE, "Task_RecordBoardDecision",
					Map.of("boardDecision", "approved", "boardRemarks", "Einstimmig", "chefsache", true));
			int committees = 0;
			while (has(DemoRoster.COMMITTEE_OFFICE, "Task_ScheduleConsultation")) {
				work(DemoRoster.COMMITTEE_OFFICE, "Task_ScheduleConsultation",
						Map.of("meetingDate", meeting, "shortNoticeConfirmed", true));
				work(DemoRoster.COMMITTEE_OFFICE, "Task_SubmitResolutionPaper",
						Map.of("paperReference", "2026/0815", "paperSummary", "Der Rat beschließt die Pilotierung."));
				work(DemoRoster.COMMITTEE_OFFICE, "Task_RecordCommitteeResult",
						Map.of("committeeResult", "passed", "resolutionText", "Einstimmig beschlossen"));
				if (++committees > 10) {
					throw new IllegalStateException("More than ten consultations in " + this.businessKey);
				}
			}
			work(DemoRoster.STAFF, "Task_SelectFundingProgramme", Map.of("fundingProgramme",
					"Modellprojekte Smart Cities", "callDeadline", Dates.today().plusDays(60).toString()));
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
				.setVariables(Map.of("fundingResult", "granted", "noticeDate", Dates.today().toString(),
						"grantedAmount", 180000, "fundingPeriodStart", "2027-01-01", "fundingPeriodEnd", "2028-12-31"))
				.correlate();
			this.steps++;
			work(DemoRoster.URBAN_DEVELOPMENT, "Task_SetUpProjectOrganisation",
					Map.of("projectLead", "Jana Vogt", "workLevelStaffed", true, "jobPostingNeeded", false,
							"kickOffDate", Dates.today().plusDays(14).toString()));
			if (this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(project.getId())
				.count() != 0) {
				throw new IllegalStateException("Project " + this.businessKey + " has not ended");
			}
			stepsPerProject = this.steps;
		}

		private boolean has(String user, String taskKey) {
			return as(user,
					() -> this.engine.getTaskService()
						.createTaskQuery()
						.processInstanceBusinessKey(this.businessKey)
						.taskDefinitionKey(taskKey)
						.count() > 0);
		}

		private void work(String user, String taskKey, Map<String, Object> input) {
			as(user, () -> {
				List<Task> tasks = this.engine.getTaskService()
					.createTaskQuery()
					.processInstanceBusinessKey(this.businessKey)
					.taskDefinitionKey(taskKey)
					.listPage(0, 10);
				if (tasks.isEmpty()) {
					throw new IllegalStateException(user + " sees no task " + taskKey + " in " + this.businessKey);
				}
				this.engine.getTaskService().claim(tasks.get(0).getId(), user);
				this.engine.getFormService().submitTaskForm(tasks.get(0).getId(), input);
				return null;
			});
			this.steps++;
		}

		private <T> T as(String user, Supplier<T> action) {
			return DemoRoster.as(this.engine, user, action);
		}

	}

}
