package de.ratsweg.committee;

/**
 * The process "Gremienbeschluss": key, element ids, variables.
 */
public final class CommitteeResolution {

	public static final String PROCESS_KEY = "CommitteeResolutionProcess";

	public static final String DECISION_KEY = "ResponsibleCommitteesDecision";

	public static final String DETERMINE_COMMITTEES = "BusinessRuleTask_DetermineResponsibleCommittees";

	public static final String SCHEDULE = "Task_ScheduleConsultation";

	public static final String SUBMIT_PAPER = "Task_SubmitResolutionPaper";

	public static final String SUBMISSION_DEADLINE_TIMER = "Timer_SubmissionDeadline";

	public static final String WARN_DEADLINE_MISSED = "ServiceTask_WarnSubmissionDeadlineMissed";

	public static final String RECORD_RESULT = "Task_RecordCommitteeResult";

	public static final String AWAIT_RESULT = "SubProcess_AwaitCommitteeResult";

	public static final String LOOK_UP_RESULT = "ServiceTask_LookUpCommitteeResult";

	public static final String NEXT_LOOK_UP = "Timer_NextLookUp";

	public static final String CLARIFY_RESULT = "Task_ClarifyCommitteeResult";

	public static final String END_RECORDED_BY_HAND = "EndEvent_RecordedByHand";

	public static final String END_RESULT_TAKEN_OVER = "EndEvent_ResultTakenOver";

	public static final String END_NO_COUNCIL_SYSTEM = "EndEvent_NoCouncilSystem";

	public static final String REVIEW_CHANGES = "Task_ReviewResolutionChanges";

	public static final String END_PASSED = "EndEvent_ResolutionPassed";

	public static final String END_REJECTED = "EndEvent_ResolutionRejected";

	/** The decision table's result: committeeId, committeeName, committeeRole per row. */
	public static final String RESPONSIBLE_COMMITTEES = "responsibleCommittees";

	public static final String CONSULTATIONS = "consultations";

	public static final String INDEX = "consultationIndex";

	public static final String HAS_NEXT = "hasNextConsultation";

	public static final String COMMITTEE_ID = "committeeId";

	public static final String COMMITTEE_NAME = "committeeName";

	public static final String COMMITTEE_ROLE = "committeeRole";

	public static final String COMMITTEE_ROLE_LABEL = "committeeRoleLabel";

	public static final String PRELIMINARY = "preliminary";

	public static final String DECIDING = "deciding";

	public static final String MEETING_DATE = "meetingDate";

	/**
	 * Task variable of "Sitzungstermin festlegen": the committee's upcoming meetings in
	 * the council information system, as options ({@code label}, {@code value}: the day).
	 */
	public static final String UPCOMING_MEETINGS = "upcomingMeetings";

	/** The meeting the office picked from {@link #UPCOMING_MEETINGS} (its day). */
	public static final String OFFERED_MEETING = "offeredMeeting";

	public static final String NEXT_MEETING_DATE = "nextMeetingDate";

	/** Days before the meeting by which the paper must be submitted; default 21. */
	public static final String SUBMISSION_LEAD_DAYS = "submissionLeadDays";

	/** The committee office confirmed a meeting closer than the Vorlagefrist. */
	public static final String SHORT_NOTICE_CONFIRMED = "shortNoticeConfirmed";

	/** The warning the next task shows when the Vorlagefrist had passed. */
	public static final String SUBMISSION_WARNING = "submissionWarning";

	public static final String SUBMISSION_DEADLINE = "submissionDeadline";

	public static final String SUBMISSION_DEADLINES_MISSED = "submissionDeadlinesMissed";

	public static final String RESULT_DUE_DATE = "resultDueDate";

	public static final String PAPER_REFERENCE = "paperReference";

	public static final String RESULT = "committeeResult";

	public static final String RESOLUTION_TEXT = "resolutionText";

	public static final String RESOLUTION_CHANGES = "resolutionChanges";

	/**
	 * The lead unit takes note of the committee's changes (ReviewResolutionChangesForm).
	 */
	public static final String CHANGES_ACKNOWLEDGED = "changesAcknowledged";

	public static final String CHANGES_REMARKS = "changesRemarks";

	/**
	 * What the last look-up in the council information system found: found, pending,
	 * unclear.
	 */
	public static final String COUNCIL_SYSTEM_STATUS = "councilSystemStatus";

	public static final String FOUND = "found";

	public static final String PENDING = "pending";

	public static final String UNCLEAR = "unclear";

	/** Why the committee office has to clarify the result (German, shown in its form). */
	public static final String COUNCIL_SYSTEM_NOTE = "councilSystemNote";

	/** The address of the paper in the council information system, once found. */
	public static final String OPARL_PAPER = "oparlPaper";

	/**
	 * The agenda item this round waits for, once the look-up found it: a result recorded
	 * by hand is kept with it, so that the look-up never takes that item's result again.
	 */
	public static final String OPARL_AGENDA_ITEM = "oparlAgendaItem";

	/**
	 * When the paper list was last searched in vain (the next search asks only for newer
	 * changes).
	 */
	public static final String OPARL_PAPERS_SEARCHED_AT = "oparlPapersSearchedAt";

	/** Every session that dealt with the project, with its result. */
	public static final String RESULTS = "committeeResults";

	/** How many committee sessions the project needed. */
	public static final String SESSION_COUNT = "sessionCount";

	// results
	public static final String PASSED = "passed";

	public static final String PASSED_WITH_CHANGES = "passedWithChanges";

	public static final String REJECTED = "rejected";

	public static final String POSTPONED = "postponed";

	public static final String DEFERRED = "deferred";

	/**
	 * Taken note of, without a resolution (Kenntnisnahme): a preliminary committee hands
	 * the paper on; from the deciding committee it goes to the office.
	 */
	public static final String NOTED = "noted";

	/**
	 * Referred to another committee (verwiesen): the office schedules the consultation
	 * again, as for a deferral.
	 */
	public static final String REFERRED = "referred";

	/**
	 * The result text of the council information system that the result table did not
	 * read as an outcome: the office's choice for it is kept for the administrators.
	 */
	public static final String COUNCIL_RESULT_TEXT = "councilResultText";

	static final int DEFAULT_SUBMISSION_LEAD_DAYS = 21;

	/** Days after the meeting to record its result. */
	static final int RESULT_RECORD_DAYS = 3;

	/** A result postponed to a meeting not known yet is due in four weeks. */
	static final int POSTPONED_WITHOUT_DATE_DAYS = 28;

	private CommitteeResolution() {
	}

}
