package de.ratsweg.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.project.ProjectDecisions;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.Outcomes;
import de.ratsweg.record.ProjectHistory;

import static de.ratsweg.record.Outcomes.day;
import static de.ratsweg.record.Outcomes.join;
import static de.ratsweg.record.Outcomes.label;
import static de.ratsweg.record.Outcomes.labelled;
import static de.ratsweg.record.Outcomes.lines;
import static de.ratsweg.record.Outcomes.text;

/**
 * What the funding application adds to the decision record: the programme, the
 * application and its signature, the treasury's statement, a missed deadline, the notice
 * (typed in or delivered) and what followed from it.
 */
@Component
@Order(DecisionEntries.FUNDING)
class FundingDecisions implements DecisionEntries {

	/** Who acted for a funding notice delivered by message. */
	static final String FUNDING_BODY = "Zuwendungsgeber (elektronisch übermittelt)";

	static final Map<String, String> RESULTS = Map.of(FundingApplication.GRANTED, "bewilligt",
			FundingApplication.PARTIALLY_GRANTED, "teilweise bewilligt", FundingApplication.REJECTED, "abgelehnt");

	static final Map<String, String> PARTIAL_FUNDING = Map.of("continue", "mit der Teilbewilligung weiter", "stop",
			"Vorhaben beendet");

	static final Map<String, String> NEXT_STEP = Map.of("otherFinancing", "anderer Finanzierungsweg", "stop",
			"Vorhaben beendet");

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : history.instancesOf(FundingApplication.PROCESS_KEY)) {
			application(history, instance, entries);
			notice(history, instance, entries);
		}
		return entries;
	}

	private static void application(ProjectHistory history, HistoricProcessInstance instance,
			List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.SELECT_PROGRAMME)) {
			entries.add(history.byTask(task)
				.step("Förderprogramm ausgewählt")
				.outcome(text(history.submitted(task, FundingApplication.PROGRAMME)))
				.text(labelled("Einreichungsfrist", day(history.submitted(task, FundingApplication.CALL_DEADLINE)))));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.PREPARE)) {
			entries.add(
					history.byTask(task)
						.step("Förderantrag vorbereitet")
						.outcome(labelled("beantragt",
								Outcomes.euro(history.submitted(task, FundingApplication.REQUESTED_AMOUNT))))
						.text(lines(
								join(", ",
										labelled("Zuwendungsfähige Ausgaben",
												Outcomes
													.euro(history.submitted(task, FundingApplication.ELIGIBLE_COST))),
										labelled("Eigenanteil",
												Outcomes.euro(history.submitted(task, FundingApplication.OWN_SHARE)))),
								text(history.submitted(task, FundingApplication.FINANCING_PLAN)))));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.TREASURY_STATEMENT)) {
			entries.add(history.byTask(task)
				.step("Stellungnahme der Kämmerei")
				.outcome(Boolean.TRUE.equals(history.submitted(task, FundingApplication.OWN_SHARE_SECURED))
						? "Eigenanteil gesichert" : "Eigenanteil nicht gesichert")
				.text(text(history.submitted(task, FundingApplication.TREASURY_STATEMENT_TEXT))));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.SIGN)) {
			entries.add(history.byTask(task)
				.step("Förderantrag unterzeichnet")
				.outcome(Boolean.TRUE.equals(history.submitted(task, FundingApplication.APPLICATION_SIGNED))
						? "unterzeichnet" : "nicht unterzeichnet"));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.SUBMIT)) {
			String day = day(history.submitted(task, FundingApplication.SUBMITTED_ON));
			entries.add(history.byTask(task)
				.step("Förderantrag eingereicht")
				.outcome((day != null) ? "eingereicht am " + day : "eingereicht")
				.text(labelled("Aktenzeichen", history.submitted(task, FundingApplication.APPLICATION_REFERENCE))));
		}
		for (HistoricActivityInstance deadline : history.activities(instance, FundingApplication.CALL_DEADLINE_TIMER)) {
			entries.add(history.automatic(deadline, DecisionEntry.Rank.BY_PEOPLE)
				.step("Einreichungsfrist verpasst")
				.outcome("Antrag nicht eingereicht")
				.text(text(history.setIn(deadline, FundingApplication.FAILURE_REASON))));
		}
	}

	private static void notice(ProjectHistory history, HistoricProcessInstance instance, List<DecisionEntry> entries) {
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.RECORD_NOTICE)) {
			entries.add(history.byTask(task)
				.step("Zuwendungsbescheid erfasst")
				.outcome(label(RESULTS, history.submitted(task, FundingApplication.RESULT)))
				.text(notice((name) -> history.submitted(task, name))));
		}
		for (HistoricActivityInstance delivered : history.activities(instance, FundingApplication.NOTICE_RECEIVED)) {
			entries.add(DecisionEntry.at(ProjectHistory.time(delivered.getEndTime()), instance.getTenantId())
				.by(null, FUNDING_BODY)
				.step("Zuwendungsbescheid übermittelt")
				.outcome(label(RESULTS, history.value(instance, FundingApplication.RESULT)))
				.text(notice((name) -> history.value(instance, name))));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.DECIDE_ON_PARTIAL_FUNDING)) {
			entries.add(history.byTask(task)
				.step("Entscheidung über die Teilbewilligung")
				.outcome(label(PARTIAL_FUNDING, history.submitted(task, FundingApplication.PARTIAL_FUNDING_DECISION)))
				.text(text(history.submitted(task, FundingApplication.PARTIAL_FUNDING_REMARKS))));
		}
		for (HistoricTaskInstance task : history.tasks(instance, FundingApplication.DECIDE_NEXT_STEP)) {
			Object step = history.submitted(task, FundingApplication.NEXT_STEP);
			String financing = label(ProjectDecisions.FINANCING,
					history.submitted(task, SmartCityProject.PREFERRED_FINANCING));
			entries.add(history.byTask(task)
				.step("Entscheidung über das weitere Vorgehen")
				.outcome("otherFinancing".equals(step) && financing != null ? label(NEXT_STEP, step) + ": " + financing
						: label(NEXT_STEP, step))
				.text(text(history.submitted(task, FundingApplication.NEXT_STEP_REMARKS))));
		}
	}

	private static String notice(Function<String, Object> values) {
		Object start = values.apply(FundingApplication.PERIOD_START);
		Object end = values.apply(FundingApplication.PERIOD_END);
		String noticeDay = day(values.apply(FundingApplication.NOTICE_DATE));
		return lines(
				join(", ", (noticeDay != null) ? "Bescheid vom " + noticeDay : null,
						labelled("bewilligt", Outcomes.euro(values.apply(FundingApplication.GRANTED_AMOUNT))),
						(start != null || end != null) ? "Zeitraum " + day(start) + " bis " + day(end) : null),
				text(values.apply(FundingApplication.NOTICE_REMARKS)));
	}

}
