package de.ratsweg.cosigning;

/**
 * The process "Mitzeichnung der Fachabteilungen": key, element ids, variables.
 */
public final class DepartmentCoSigning {

	public static final String PROCESS_KEY = "DepartmentCoSigningProcess";

	public static final String DECISION_KEY = "CoSigningDepartmentsDecision";

	public static final String DETERMINE_DEPARTMENTS = "BusinessRuleTask_DetermineCoSigningDepartments";

	public static final String CO_SIGN = "Task_CoSignProjectIdea";

	public static final String DEADLINE = "Timer_CoSigningDeadline";

	public static final String ESCALATION = "Timer_CoSigningEscalation";

	public static final String REMIND = "ServiceTask_RemindMissingDepartments";

	public static final String FOLLOW_UP = "Task_FollowUpMissingStatements";

	public static final String END_COMPLETED = "EndEvent_CoSigningCompleted";

	/** Departments the decision table requires. */
	public static final String REQUIRED_DEPARTMENTS = "requiredDepartments";

	/** Every department that co-signs: required plus those named in the idea. */
	public static final String DEPARTMENTS = "coSigningDepartments";

	/** Days until the deadline; default 10, may be set per instance. */
	public static final String DAYS = "coSigningDays";

	/** Days after the deadline until the lead unit follows up; default 5. */
	public static final String ESCALATION_DAYS = "coSigningEscalationDays";

	/**
	 * Why each department co-signs, as German Markdown for the forms: one line per
	 * department with the annotation of the decision-table rule that requires it, or that
	 * the lead unit named it.
	 */
	public static final String REASONS = "coSigningReasons";

	/**
	 * The same as a list (JSON), one entry per department: {@code department} (group id),
	 * {@code name} (German) and {@code reasons} (German texts).
	 */
	public static final String REASONS_BY_DEPARTMENT = "coSigningReasonsByDepartment";

	/** The reason of a department the idea names (start form, "involvedDepartments"). */
	public static final String NAMED_BY_LEAD_UNIT = "von der federführenden Stelle benannt";

	public static final String DUE_DATE = "coSigningDueDate";

	public static final String ESCALATION_DATE = "coSigningEscalationDate";

	/** Per statement: department, statement, text, user, time. */
	public static final String STATEMENTS = "coSigningStatements";

	public static final String SUMMARY = "coSigningSummary";

	public static final String OBJECTIONS = "coSigningObjections";

	public static final String MISSING = "missingDepartmentNames";

	public static final String REMINDERS = "coSigningReminders";

	// what a department answers (CoSignProjectIdeaForm)
	public static final String STATEMENT = "statement";

	public static final String STATEMENT_TEXT = "statementText";

	public static final String AGREED = "agreed";

	public static final String AGREED_WITH_REMARKS = "agreedWithRemarks";

	public static final String OBJECTION = "objection";

	/** Recorded for a department that had not answered when the lead unit closed. */
	public static final String NO_STATEMENT = "none";

	public static final String FOLLOW_UP_DECISION = "followUpDecision";

	public static final String CLOSE_WITHOUT_MISSING = "ServiceTask_CloseWithoutMissingStatements";

	public static final String END_CLOSED = "EndEvent_CoSigningClosed";

	/** The lead unit's note on the follow-up of missing statements. */
	public static final String FOLLOW_UP_NOTE = "followUpNote";

	static final int DEFAULT_DAYS = 10;

	static final int DEFAULT_ESCALATION_DAYS = 5;

	private DepartmentCoSigning() {
	}

}
