package de.ratsweg.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.Outcomes;
import de.ratsweg.record.ProjectHistory;
import de.ratsweg.record.ProjectProcess;

import static de.ratsweg.record.Outcomes.day;
import static de.ratsweg.record.Outcomes.label;
import static de.ratsweg.record.Outcomes.labelled;
import static de.ratsweg.record.Outcomes.lines;
import static de.ratsweg.record.Outcomes.text;

/**
 * What the main process adds to the decision record: the submitted idea, its revisions,
 * the funding route, the project organisation and the outcome. Also tells the record
 * which process a project is, its title and how it ended.
 */
@Component
@Order(DecisionEntries.PROJECT)
public class ProjectDecisions implements DecisionEntries, ProjectProcess {

	/** How a project is financed ({@value SmartCityProject#PREFERRED_FINANCING}). */
	public static final Map<String, String> FINANCING = Map.of("budget", "Haushaltsmittel", "funding", "Förderprogramm",
			"both", "Haushaltsmittel und Förderprogramm", "open", "noch offen");

	static final Map<String, String> FUNDING_ROUTES = Map.of("ownBudget", "Haushaltsmittel", "fundingProgramme",
			"Förderprogramm", "both", "Haushaltsmittel und Förderprogramm", "unclear",
			"ungeklärt: Das Projekt kostet Geld!");

	static final Map<String, String> PROJECT_OUTCOMES = Map.of("organised", "Projektorganisation steht",
			"rejectedByBoard", "vom Verwaltungsvorstand abgelehnt", "rejectedByCommittee", "im Gremium abgelehnt",
			"stoppedAfterFunding", "nach dem Förderantrag beendet");

	@Override
	public String processKey() {
		return SmartCityProject.PROCESS_KEY;
	}

	@Override
	public String title(ProjectHistory history) {
		Object title = history.value(history.root(), SmartCityProject.TITLE);
		return (title != null) ? String.valueOf(title) : null;
	}

	@Override
	public String outcome(ProjectHistory history) {
		Object outcome = history.value(history.root(), SmartCityProject.PROJECT_OUTCOME);
		return (outcome != null) ? label(PROJECT_OUTCOMES, outcome) : Outcomes.CANCELLED;
	}

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		HistoricProcessInstance root = history.root();
		entries.add(submission(history, root));
		for (HistoricProcessInstance instance : history.instancesOf(SmartCityProject.PROCESS_KEY)) {
			revisions(history, instance, entries);
			fundingRoute(history, instance, entries);
			organisation(history, instance, entries);
		}
		if (root.getEndTime() != null) {
			entries.add(outcome(history, root));
		}
		return entries;
	}

	private static DecisionEntry submission(ProjectHistory history, HistoricProcessInstance root) {
		String initiator = (root.getStartUserId() != null) ? root.getStartUserId()
				: text(history.value(root, SmartCityProject.INITIATOR));
		return DecisionEntry.at(ProjectHistory.time(root.getStartTime()), root.getTenantId())
			.by(initiator, history.actorName(initiator, null))
			.role(RatswegGroups.nameOf(RatswegGroups.STAFF))
			.step("Projektidee eingereicht")
			.outcome("eingereicht")
			.text(lines(labelled("Bedarfslücke", history.initialValue(root, SmartCityProject.NEED_GAP)), labelled(
					"Geschätzte Kosten", Outcomes.euro(history.initialValue(root, SmartCityProject.ESTIMATED_COST)))));
	}

	private static void revisions(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, SmartCityProject.REVISE_IDEA)) {
			entries.add(history.byTask(task)
				.step("Projektidee überarbeitet")
				.outcome("überarbeitet und erneut eingereicht")
				.text(text(history.submitted(task, SmartCityProject.REVISION_NOTE))));
		}
	}

	private static void fundingRoute(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricActivityInstance activity : history.activities(instance, SmartCityProject.DECIDE_FUNDING_ROUTE)) {
			Object route = history.setIn(activity, SmartCityProject.FUNDING_ROUTE);
			entries.add(history.automatic(activity, DecisionEntry.Rank.FUNDING_ROUTE)
				.step("Finanzierungsweg bestimmt (Entscheidungstabelle)")
				.outcome(label(FUNDING_ROUTES, route))
				.text("unclear".equals(route)
						? "Der Verwaltungsvorstand klärt die Finanzierung, bevor die Gremien beraten." : null));
		}
		for (HistoricTaskInstance task : history.tasks(instance, SmartCityProject.CLARIFY_FINANCING)) {
			entries.add(history.byTask(task)
				.step("Finanzierung geklärt")
				.outcome(label(FINANCING, history.submitted(task, SmartCityProject.PREFERRED_FINANCING)))
				.text(text(history.submitted(task, SmartCityProject.FINANCING_REMARKS))));
		}
	}

	private static void organisation(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, SmartCityProject.SET_UP_ORGANISATION)) {
			Object lead = history.submitted(task, SmartCityProject.PROJECT_LEAD);
			entries.add(history.byTask(task)
				.step("Projektorganisation aufgesetzt")
				.outcome((lead != null) ? "Projektleitung: " + lead : "aufgesetzt")
				.text(lines(
						labelled("Arbeitsebene besetzt",
								Outcomes.yesNo(history.submitted(task, SmartCityProject.WORK_LEVEL_STAFFED))),
						labelled("Stellenausschreibung nötig",
								Outcomes.yesNo(history.submitted(task, SmartCityProject.JOB_POSTING_NEEDED))),
						labelled("Auftakt", day(history.submitted(task, SmartCityProject.KICK_OFF_DATE))))));
		}
	}

	private DecisionEntry outcome(ProjectHistory history, HistoricProcessInstance root) {
		Object outcome = history.value(root, SmartCityProject.PROJECT_OUTCOME);
		return DecisionEntry.at(ProjectHistory.time(root.getEndTime()), root.getTenantId())
			.by(null, DecisionEntry.RATSWEG)
			.rank(DecisionEntry.Rank.OUTCOME)
			.step("Ergebnis des Vorhabens")
			.outcome(outcome(history))
			.text((outcome != null) ? text(history.value(root, SmartCityProject.OUTCOME_REASON))
					: root.getDeleteReason());
	}

}
