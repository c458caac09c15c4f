package de.ratsweg.record;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;

import org.springframework.stereotype.Service;

import de.ratsweg.engine.SignedIn;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * The decision record (Aktenvermerk) of a project: every decision, who took it in which
 * role, when, with what outcome and reasons, read from the engine's history. Read-only.
 *
 * <p>
 * Who may read it is the engine's decision: the project is looked up as the user, with
 * their groups and municipalities, so exactly those see it who may read the project's
 * history (their own municipality and a role allowed to read history, see
 * {@code AccessRules}; administrators all). The rest of the history is then read without
 * a user.
 */
@Service
public class ProjectRecords {

	private final ProcessEngine engine;

	private final HistoryService history;

	private final IdentityService identity;

	private final Municipalities municipalities;

	private final ProjectProcess projectProcess;

	private final List<DecisionEntries> processes;

	/**
	 * @param processes what each process adds to the record, in the order of their
	 * {@code @Order} (see {@link DecisionEntries})
	 */
	ProjectRecords(ProcessEngine engine, Municipalities municipalities, ProjectProcess projectProcess,
			List<DecisionEntries> processes) {
		this.engine = engine;
		this.history = engine.getHistoryService();
		this.identity = engine.getIdentityService();
		this.municipalities = municipalities;
		this.projectProcess = projectProcess;
		this.processes = List.copyOf(processes);
	}

	/**
	 * The record of the project with that key, as the user may read it.
	 * @param businessKey the project's key, e.g. "SOEST-2026-0001"
	 * @param userId who asks
	 * @throws ProjectNotFoundException when there is no such project, or the user may not
	 * read its history (another municipality's, or no role that reads history)
	 */
	public DecisionRecord recordOf(String businessKey, String userId) {
		return SignedIn.runAs(this.identity, null, () -> {
			HistoricProcessInstance project = visibleProject(businessKey, userId);
			ProjectHistory projectHistory = ProjectHistory.read(this.engine, this.municipalities, project);
			String title = this.projectProcess.title(projectHistory);
			return new DecisionRecord(project.getBusinessKey(), (title != null) ? title : "(ohne Titel)",
					projectHistory.municipality(project.getTenantId()), ProjectHistory.time(project.getStartTime()),
					ProjectHistory.time(project.getEndTime()),
					(project.getEndTime() == null) ? Outcomes.RUNNING : this.projectProcess.outcome(projectHistory),
					Decisions.of(projectHistory, this.processes));
		});
	}

	/**
	 * The project (the main process's instance with that key) if the engine shows it to
	 * the user. Leaves the engine without authentication.
	 */
	private HistoricProcessInstance visibleProject(String businessKey, String userId) {
		this.identity.clearAuthentication();
		List<HistoricProcessInstance> visible = UserDirectory.asUser(this.identity, userId,
				() -> projects(businessKey).listPage(0, 1));
		if (!visible.isEmpty()) {
			return visible.get(0);
		}
		// Another municipality's project is answered like one that does not exist, with
		// the same queries: nobody learns another municipality's project numbers.
		throw new ProjectNotFoundException(businessKey);
	}

	private HistoricProcessInstanceQuery projects(String businessKey) {
		// newest first, should a key ever have been given twice
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(this.projectProcess.processKey())
			.processInstanceBusinessKey(businessKey)
			.rootProcessInstances()
			.orderByProcessInstanceStartTime()
			.desc();
	}

}
