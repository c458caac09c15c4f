package de.ratsweg.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.ProjectHistory;

import static de.ratsweg.record.Outcomes.day;
import static de.ratsweg.record.Outcomes.label;
import static de.ratsweg.record.Outcomes.labelled;
import static de.ratsweg.record.Outcomes.lines;
import static de.ratsweg.record.Outcomes.text;

/**
 * What the board's approval adds to the decision record: the agenda item, each vote of a
 * circulation and its count, the mayor's deciding vote, and a meeting's decision.
 */
@Component
@Order(DecisionEntries.BOARD)
class BoardDecisions implements DecisionEntries {

	static final Map<String, String> DECISIONS = Map.of(BoardApproval.APPROVED, "freigegeben", BoardApproval.REVISE,
			"zur Überarbeitung zurückgegeben", BoardApproval.REJECTED, "abgelehnt");

	static final Map<String, String> VOTES = Map.of(BoardApproval.APPROVED, "stimmt für Freigabe", BoardApproval.REVISE,
			"stimmt für Überarbeitung", BoardApproval.REJECTED, "stimmt für Ablehnung");

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : history.instancesOf(BoardApproval.PROCESS_KEY)) {
			agendaItems(history, instance, entries);
			votes(history, instance, entries);
			counts(history, instance, entries);
			decidingVotes(history, instance, entries);
			meetingDecisions(history, instance, entries);
		}
		return entries;
	}

	private static void agendaItems(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, BoardApproval.PREPARE_AGENDA_ITEM)) {
			boolean circulation = BoardApproval.CIRCULATION
				.equals(history.submitted(task, BoardApproval.DECISION_MODE));
			Object days = history.submitted(task, BoardApproval.VOTING_DAYS);
			String meeting = day(history.submitted(task, BoardApproval.MEETING_DATE));
			String mode = circulation
					? "Entscheidung im Umlaufverfahren" + ((days != null) ? " (" + days + " Tage)" : "")
					: "Entscheidung in der Sitzung" + ((meeting != null) ? " am " + meeting : "");
			entries.add(history.byTask(task)
				.step("Vorlage für den Verwaltungsvorstand")
				.outcome(mode)
				.text(text(history.submitted(task, BoardApproval.AGENDA_SUMMARY))));
		}
	}

	private static void votes(ProjectHistory history, HistoricProcessInstance instance, List<DecisionEntry> entries) {
		for (Map<String, Object> kept : history.records(instance, BoardApproval.VOTES)) {
			Vote vote = Vote.from(kept);
			entries.add(history.byKept(instance, text(vote.voter()), vote.time(), BoardApproval.VOTE)
				.role(RatswegGroups.nameOf(RatswegGroups.BOARD))
				.step("Stimme im Umlaufverfahren")
				.outcome(label(VOTES, vote.vote()))
				.text(text(vote.comment())));
		}
	}

	private static void counts(ProjectHistory history, HistoricProcessInstance instance, List<DecisionEntry> entries) {
		for (HistoricActivityInstance count : history.activities(instance, BoardApproval.COUNT_VOTES)) {
			boolean tied = Boolean.TRUE.equals(history.setIn(count, BoardApproval.TIED));
			entries.add(history.automatic(count, DecisionEntry.Rank.VOTE_COUNT)
				.role(RatswegGroups.nameOf(RatswegGroups.BOARD))
				.step("Auszählung des Umlaufverfahrens")
				.outcome(tied ? "keine Mehrheit: Stichentscheid"
						: label(DECISIONS, history.setIn(count, SmartCityProject.BOARD_DECISION)))
				.text(lines(labelled("Stimmen", history.setIn(count, BoardApproval.VOTING_SUMMARY)),
						tied ? null : text(history.setIn(count, SmartCityProject.BOARD_REMARKS)))));
		}
	}

	private static void decidingVotes(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, BoardApproval.CAST_DECIDING_VOTE)) {
			entries.add(history.byTask(task)
				.step("Stichentscheid")
				.outcome(label(DECISIONS, history.submitted(task, SmartCityProject.BOARD_DECISION)))
				.text(text(history.submitted(task, SmartCityProject.BOARD_REMARKS))));
		}
	}

	private static void meetingDecisions(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, BoardApproval.RECORD_DECISION)) {
			// one round per instance: the meeting its agenda item named
			String meeting = day(history.value(instance, BoardApproval.MEETING_DATE));
			String decision = label(DECISIONS, history.submitted(task, SmartCityProject.BOARD_DECISION));
			boolean chefsache = Boolean.TRUE.equals(history.submitted(task, BoardApproval.CHEFSACHE));
			entries.add(history.byTask(task)
				.step("Beschluss des Verwaltungsvorstands" + ((meeting != null) ? " (Sitzung am " + meeting + ")" : ""))
				.outcome(chefsache ? decision + ", Chefsache" : decision)
				.text(text(history.submitted(task, SmartCityProject.BOARD_REMARKS))));
		}
	}

}
