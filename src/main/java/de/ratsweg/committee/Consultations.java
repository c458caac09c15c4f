package de.ratsweg.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.engine.TaskInputException;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.project.SmartCityProject;

import static de.ratsweg.committee.CommitteeResolution.*;

/**
 * The steps of the consultation sequence (Beratungsfolge): which committee is next, the
 * submission deadline before its meeting, each session's result, and the outcome.
 */
@Component("committeeResolution")
public class Consultations {

	private static final Logger log = LoggerFactory.getLogger(Consultations.class);

	/**
	 * Takes the ordered committees from the decision table and starts with the first.
	 */
	public void plan(DelegateExecution execution) {
		List<Map<String, Object>> consultations = ProcessRecords.records(execution, RESPONSIBLE_COMMITTEES);
		if (consultations.isEmpty()) {
			throw new IllegalStateException("The decision " + DECISION_KEY + " named no committee for process instance "
					+ execution.getProcessInstanceId() + "; every project needs a deciding committee");
		}
		forgetLastConsultation(execution);
		ProcessRecords.forget(execution, SmartCityProject.COMMITTEE_OUTCOME, PAPER_REFERENCE, "paperSummary",
				OPARL_PAPER, OPARL_PAPERS_SEARCHED_AT);
		execution.setVariable(CONSULTATIONS, new ArrayList<>(consultations));
		execution.setVariable(INDEX, 0);
		execution.setVariable(SESSION_COUNT, 0);
		execution.setVariable(RESULTS, new ArrayList<>());
		execution.setVariable(SUBMISSION_DEADLINES_MISSED, 0);
		if (execution.getVariable(SUBMISSION_LEAD_DAYS) == null) {
			// the forms show the Vorlagefrist
			execution.setVariable(SUBMISSION_LEAD_DAYS, DEFAULT_SUBMISSION_LEAD_DAYS);
		}
		makeCurrent(execution, ResponsibleCommittee.from(consultations.get(0)));
	}

	private static void makeCurrent(VariableScope scope, ResponsibleCommittee committee) {
		scope.setVariable(COMMITTEE_ID, committee.id());
		scope.setVariable(COMMITTEE_NAME, committee.name());
		scope.setVariable(COMMITTEE_ROLE, committee.role());
		scope.setVariable(COMMITTEE_ROLE_LABEL, committee.decides() ? "Entscheidung" : "Vorberatung");
	}

	/**
	 * With the meeting date: the paper is due
	 * {@value CommitteeResolution#DEFAULT_SUBMISSION_LEAD_DAYS} days before
	 * (Vorlagefrist), the result three days after.
	 */
	public void scheduleMeeting(DelegateTask task) {
		Object offered = task.getVariable(OFFERED_MEETING);
		if (offered instanceof String day && !day.isBlank()) {
			// a meeting of the council information system's calendar
			task.getExecution().setVariable(MEETING_DATE, day);
		}
		task.getExecution().removeVariable(OFFERED_MEETING);
		LocalDate meeting = meetingDay(task, MEETING_DATE);
		int leadDays = Dates.number(task.getVariable(SUBMISSION_LEAD_DAYS), DEFAULT_SUBMISSION_LEAD_DAYS);
		LocalDate submissionDay = meeting.minusDays(leadDays);
		if (submissionDay.isBefore(Dates.today())) {
			if (!Boolean.TRUE.equals(task.getVariable(SHORT_NOTICE_CONFIRMED))) {
				throw new TaskInputException(("Der Sitzungstermin %s lässt die Vorlagefrist von %d Tagen nicht mehr zu "
						+ "(die Vorlage wäre bis %s einzureichen gewesen). Bitte bestätigen Sie den kurzfristigen Termin "
						+ "oder wählen Sie einen späteren.")
					.formatted(Dates.german(meeting), leadDays, Dates.german(submissionDay)));
			}
			task.getExecution()
				.setVariable(SUBMISSION_WARNING,
						("Kurzfristiger Termin: Die Vorlagefrist für die Sitzung am %s "
								+ "ist am %s abgelaufen. Der Termin wurde trotzdem bestätigt; bitte die Vorlage sofort "
								+ "einreichen.")
							.formatted(Dates.german(meeting), Dates.german(submissionDay)));
		}
		else {
			task.getExecution().removeVariable(SUBMISSION_WARNING);
		}
		task.getExecution().setVariable(SUBMISSION_DEADLINE, Dates.startOf(submissionDay));
		task.getExecution().setVariable(RESULT_DUE_DATE, Dates.endOf(meeting.plusDays(RESULT_RECORD_DAYS)));
	}

	private static LocalDate meetingDay(VariableScope scope, String variable) {
		LocalDate day = Dates.day(scope.getVariable(variable));
		if (day == null) {
			throw new TaskInputException("Bitte geben Sie den Sitzungstermin an.");
		}
		return day;
	}

	public void warnSubmissionDeadlineMissed(DelegateExecution execution) {
		execution.setVariable(SUBMISSION_DEADLINES_MISSED,
				Dates.number(execution.getVariable(SUBMISSION_DEADLINES_MISSED), 0) + 1);
		log.warn("Submission deadline missed in process instance {}: paper for '{}' (meeting {}) not yet submitted",
				execution.getProcessInstanceId(), execution.getVariable(COMMITTEE_NAME),
				execution.getVariable(MEETING_DATE));
	}

	/**
	 * Keeps the session's result as the committee office entered it (by hand, or when it
	 * clarified what the council information system reported) and counts the session. A
	 * postponed item moves to the next meeting date of the same committee.
	 */
	public void recordResult(DelegateTask task) {
		LocalDate meeting = Dates.day(task.getVariable(MEETING_DATE));
		if (meeting != null && meeting.isAfter(Dates.today())) {
			throw new TaskInputException(
					"Die Sitzung am %s hat noch nicht stattgefunden; das Ergebnis kann erst ab dem Sitzungstag erfasst werden."
						.formatted(Dates.german(meeting)));
		}
		if (NOTED.equals(task.getVariable(RESULT)) && DECIDING.equals(task.getVariable(COMMITTEE_ROLE))) {
			throw new TaskInputException("„Zur Kenntnis genommen“ beendet nur die Vorberatung. Das entscheidende "
					+ "Gremium muss beschließen: Bitte wählen Sie das Ergebnis der Abstimmung, oder „Vertagt“, wenn "
					+ "es noch nicht entschieden hat.");
		}
		Session session = session(task, String.valueOf(task.getVariable(RESULT)))
			.atAgendaItem(Session.string(task.getVariable(OPARL_AGENDA_ITEM)));
		ProcessRecords.keepTaskInput(task, RESULTS, session.toMap());
		LocalDate next = POSTPONED.equals(session.result()) ? meetingDay(task, NEXT_MEETING_DATE) : null;
		finishSession(task.getExecution(), session.result(), next);
	}

	/**
	 * Keeps a session's result read from the council information system: the same record
	 * as one entered by hand, with its source instead of a person. A postponed item waits
	 * for its next meeting, which the council information system will show.
	 */
	void recordFromCouncilSystem(DelegateExecution execution, String result, String resolutionText, String meetingDay,
			String oparlResult, String agendaItem, String meetingName) {
		execution.setVariable(RESULT, result);
		execution.setVariable(RESOLUTION_TEXT, resolutionText);
		if (PASSED_WITH_CHANGES.equals(result)) {
			execution.setVariable(RESOLUTION_CHANGES,
					"Das Gremium hat geändert beschlossen. Beschlusstext laut " + "Ratsinformationssystem: "
							+ ((resolutionText != null) ? resolutionText : "(keiner veröffentlicht)"));
		}
		if (meetingDay != null) {
			execution.setVariable(MEETING_DATE, meetingDay);
		}
		Session session = session(execution, result).reportedByCouncilSystem(oparlResult, agendaItem, meetingName,
				ProcessRecords.now());
		ProcessRecords.append(execution, RESULTS, session.toMap());
		finishSession(execution, result, null);
	}

	private static Session session(VariableScope scope, String result) {
		return new Session(Session.string(scope.getVariable(COMMITTEE_ID)),
				Session.string(scope.getVariable(COMMITTEE_NAME)), Session.string(scope.getVariable(COMMITTEE_ROLE)),
				Session.string(scope.getVariable(MEETING_DATE)), Session.string(scope.getVariable(PAPER_REFERENCE)),
				result, Session.string(scope.getVariable(RESOLUTION_TEXT)),
				PASSED_WITH_CHANGES.equals(result) ? Session.string(scope.getVariable(RESOLUTION_CHANGES)) : null, null,
				null, null, null, null, null);
	}

	/**
	 * Counts the session; a postponed item waits for the next meeting (the given day, or
	 * one not yet known: then the result is due in four weeks).
	 */
	private static void finishSession(DelegateExecution execution, String result, LocalDate nextMeeting) {
		execution.setVariable(SESSION_COUNT, Dates.number(execution.getVariable(SESSION_COUNT), 0) + 1);
		ProcessRecords.forget(execution, COUNCIL_SYSTEM_NOTE, COUNCIL_SYSTEM_STATUS, OPARL_AGENDA_ITEM);
		if (POSTPONED.equals(result)) {
			execution.setVariable(MEETING_DATE, (nextMeeting != null) ? nextMeeting.toString() : null);
			LocalDate due = (nextMeeting != null) ? nextMeeting.plusDays(RESULT_RECORD_DAYS)
					: Dates.today().plusDays(POSTPONED_WITHOUT_DATE_DAYS);
			execution.setVariable(RESULT_DUE_DATE, Dates.endOf(due));
			execution.removeVariable(NEXT_MEETING_DATE);
		}
	}

	/**
	 * Moves on to the next committee of the sequence, if any.
	 */
	public void advance(DelegateExecution execution) {
		List<Map<String, Object>> consultations = ProcessRecords.records(execution, CONSULTATIONS);
		int next = Dates.number(execution.getVariable(INDEX), 0) + 1;
		boolean hasNext = next < consultations.size();
		execution.setVariable(HAS_NEXT, hasNext);
		if (hasNext) {
			execution.setVariable(INDEX, next);
			makeCurrent(execution, ResponsibleCommittee.from(consultations.get(next)));
			forgetLastConsultation(execution);
		}
	}

	/**
	 * What one committee decided does not count for the next (the paper reference stays:
	 * the same paper goes through the sequence).
	 */
	private static void forgetLastConsultation(VariableScope scope) {
		ProcessRecords.forget(scope, RESULT, RESOLUTION_TEXT, RESOLUTION_CHANGES, CHANGES_ACKNOWLEDGED, CHANGES_REMARKS,
				MEETING_DATE, NEXT_MEETING_DATE, SHORT_NOTICE_CONFIRMED, SUBMISSION_WARNING);
	}

	/**
	 * The outcome for the project; the current committee is no longer current.
	 */
	public void finish(DelegateExecution execution, String outcome) {
		execution.setVariable(SmartCityProject.COMMITTEE_OUTCOME, outcome);
		for (String name : List.of(COMMITTEE_ID, COMMITTEE_NAME, COMMITTEE_ROLE, COMMITTEE_ROLE_LABEL, HAS_NEXT)) {
			execution.removeVariable(name);
		}
		log.info("Committee resolution of process instance {}: {} after {} sessions", execution.getProcessInstanceId(),
				outcome, execution.getVariable(SESSION_COUNT));
	}

}
