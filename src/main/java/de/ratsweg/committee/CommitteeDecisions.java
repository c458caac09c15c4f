package de.ratsweg.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.ProjectHistory;

import static de.ratsweg.record.Outcomes.day;
import static de.ratsweg.record.Outcomes.join;
import static de.ratsweg.record.Outcomes.label;
import static de.ratsweg.record.Outcomes.labelled;
import static de.ratsweg.record.Outcomes.lines;
import static de.ratsweg.record.Outcomes.text;
import static de.ratsweg.record.Outcomes.webAddress;

/**
 * What the committees add to the decision record: each session's result (entered by the
 * committee office or taken from the council information system) and the review of a
 * committee's changes.
 */
@Component
@Order(DecisionEntries.COMMITTEES)
class CommitteeDecisions implements DecisionEntries {

	/** Who acted for a committee result taken from the council information system. */
	static final String COUNCIL_INFORMATION_SYSTEM = "Ratsinformationssystem";

	static final Map<String, String> RESULTS = Map.of(CommitteeResolution.PASSED, "beschlossen",
			CommitteeResolution.PASSED_WITH_CHANGES, "geändert beschlossen", CommitteeResolution.REJECTED, "abgelehnt",
			CommitteeResolution.POSTPONED, "vertagt", CommitteeResolution.DEFERRED, "zurückgestellt",
			CommitteeResolution.NOTED, "zur Kenntnis genommen", CommitteeResolution.REFERRED, "verwiesen");

	static final Map<String, String> ROLES = Map.of(CommitteeResolution.PRELIMINARY, "Vorberatung",
			CommitteeResolution.DECIDING, "Entscheidung");

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : history.instancesOf(CommitteeResolution.PROCESS_KEY)) {
			sessions(history, instance, entries);
			reviews(history, instance, entries);
		}
		return entries;
	}

	private static void sessions(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (Map<String, Object> kept : history.records(instance, CommitteeResolution.RESULTS)) {
			Session session = Session.from(kept);
			boolean fromCouncilSystem = session.fromCouncilInformationSystem();
			String committee = text(session.committeeName());
			String role = label(ROLES, session.committeeRole());
			String meeting = day(session.meetingDate());
			String meetingName = session.meetingName();
			String step = join(", ",
					(meetingName != null) ? meetingName + ((meeting != null) ? " am " + meeting : "")
							: (meeting != null) ? "Sitzung am " + meeting : "Beratung",
					labelled("Drucksache", session.paperReference()));
			DecisionEntry entry = fromCouncilSystem
					? DecisionEntry.at(ProjectHistory.keptTime(session.time(), instance), instance.getTenantId())
						.by(null, COUNCIL_INFORMATION_SYSTEM)
					: history.byKept(instance, text(session.user()), session.time(), CommitteeResolution.RECORD_RESULT,
							CommitteeResolution.CLARIFY_RESULT);
			entries.add(entry.role((committee != null && role != null) ? committee + " (" + role + ")" : committee)
				.step(step)
				.outcome(label(RESULTS, session.result()))
				.text(lines(text(session.resolutionText()), labelled("Änderungen", session.changes()),
						fromCouncilSystem && session.oparlResult() != null
								? "Ergebnis im Ratsinformationssystem: „" + session.oparlResult() + "“" : null))
				.link(webAddress(session.agendaItem())));
		}
	}

	private static void reviews(ProjectHistory history, HistoricProcessInstance instance, List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, CommitteeResolution.REVIEW_CHANGES)) {
			entries.add(history.byTask(task)
				.step("Änderungen des Gremiums geprüft")
				.outcome(Boolean.TRUE.equals(history.submitted(task, CommitteeResolution.CHANGES_ACKNOWLEDGED))
						? "zur Kenntnis genommen, werden umgesetzt" : "geprüft")
				.text(text(history.submitted(task, CommitteeResolution.CHANGES_REMARKS))));
		}
	}

}
