package de.ratsweg.cosigning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.ProjectHistory;

import static de.ratsweg.record.Outcomes.label;
import static de.ratsweg.record.Outcomes.labelled;
import static de.ratsweg.record.Outcomes.lines;
import static de.ratsweg.record.Outcomes.text;

/**
 * What the co-signing adds to the decision record: each department's statement, and the
 * lead unit's follow-up of missing ones.
 */
@Component
@Order(DecisionEntries.CO_SIGNING)
class CoSigningDecisions implements DecisionEntries {

	static final Map<String, String> FOLLOW_UP = Map.of("wait", "nachgefasst, es wird weiter gewartet", "close",
			"ohne die fehlenden Stellungnahmen abgeschlossen");

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : history.instancesOf(DepartmentCoSigning.PROCESS_KEY)) {
			statements(history, instance, entries);
			followUps(history, instance, entries);
		}
		return entries;
	}

	private static void statements(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (Map<String, Object> kept : history.records(instance, DepartmentCoSigning.STATEMENTS)) {
			Statement statement = Statement.from(kept);
			entries.add(history.byKept(instance, text(statement.user()), statement.time(), DepartmentCoSigning.CO_SIGN)
				.role(RatswegGroups.nameOf(text(statement.department())))
				.step("Mitzeichnung")
				.outcome(label(Statement.IN_GERMAN, statement.statement()))
				.text(text(statement.text())));
		}
	}

	private static void followUps(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, DepartmentCoSigning.FOLLOW_UP)) {
			entries.add(history.byTask(task)
				.step("Fehlende Mitzeichnungen nachgefasst")
				.outcome(label(FOLLOW_UP, history.submitted(task, DepartmentCoSigning.FOLLOW_UP_DECISION)))
				.text(lines(labelled("Fehlend", history.submitted(task, DepartmentCoSigning.MISSING)),
						text(history.submitted(task, DepartmentCoSigning.FOLLOW_UP_NOTE)))));
		}
	}

}
