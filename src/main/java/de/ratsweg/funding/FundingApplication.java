package de.ratsweg.funding;

/**
 * The process "Förderantrag": key, element ids, variables.
 */
public final class FundingApplication {

	public static final String PROCESS_KEY = "FundingApplicationProcess";

	public static final String SELECT_PROGRAMME = "Task_SelectFundingProgramme";

	public static final String PREPARE_APPLICATION = "SubProcess_PrepareApplication";

	public static final String PREPARE = "Task_PrepareFundingApplication";

	public static final String TREASURY_STATEMENT = "Task_IssueTreasuryStatement";

	public static final String SIGN = "Task_SignFundingApplication";

	public static final String SUBMIT = "Task_SubmitFundingApplication";

	public static final String CALL_DEADLINE_TIMER = "Timer_CallDeadline";

	public static final String RECORD_NOTICE = "Task_RecordFundingNotice";

	public static final String NOTICE_REMINDER_TIMER = "Timer_FundingNoticeReminder";

	public static final String NOTICE_RECEIVED = "BoundaryEvent_FundingDecisionReceived";

	/** The message an integration sends with the funding notice (Zuwendungsbescheid). */
	public static final String MESSAGE_FUNDING_DECISION = "Message_FundingDecisionReceived";

	public static final String DECIDE_ON_PARTIAL_FUNDING = "Task_DecideOnPartialFunding";

	public static final String DECIDE_NEXT_STEP = "Task_DecideNextFundingStep";

	public static final String END_GRANTED = "EndEvent_FundingGranted";

	public static final String END_PARTIAL_DECLINED = "EndEvent_PartialFundingDeclined";

	public static final String END_OTHER_FINANCING = "EndEvent_OtherFinancingChosen";

	public static final String END_GIVEN_UP = "EndEvent_FundingGivenUp";

	public static final String PROGRAMME = "fundingProgramme";

	/** The call deadline as the form gives it (yyyy-MM-dd). */
	public static final String CALL_DEADLINE = "callDeadline";

	/** The end of the call deadline's day, when the attempt ends as missed. */
	public static final String CALL_DEADLINE_END = "callDeadlineEnd";

	public static final String ELIGIBLE_COST = "eligibleCost";

	public static final String REQUESTED_AMOUNT = "requestedAmount";

	public static final String OWN_SHARE = "ownShare";

	public static final String OWN_SHARE_SECURED = "ownShareSecured";

	public static final String RESULT = "fundingResult";

	public static final String GRANTED = "granted";

	public static final String PARTIALLY_GRANTED = "partiallyGranted";

	public static final String REJECTED = "rejected";

	public static final String GRANTED_AMOUNT = "grantedAmount";

	public static final String NOTICE_DATE = "noticeDate";

	public static final String PERIOD_START = "fundingPeriodStart";

	public static final String PERIOD_END = "fundingPeriodEnd";

	public static final String NOTICE_REMINDERS = "fundingNoticeReminders";

	public static final String FAILURE_REASON = "fundingFailureReason";

	public static final String PARTIAL_FUNDING_DECISION = "partialFundingDecision";

	public static final String NEXT_STEP = "nextFundingStep";

	// outcomes for the main process (fundingOutcome)
	public static final String OUTCOME_GRANTED = "granted";

	public static final String OUTCOME_NEW_ROUTE = "newRoute";

	public static final String OUTCOME_STOPPED = "stopped";

	/** What the steps of the application keep beside the amounts (their forms). */
	public static final String FINANCING_PLAN = "financingPlan";

	public static final String TREASURY_STATEMENT_TEXT = "treasuryStatement";

	public static final String APPLICATION_SIGNED = "applicationSigned";

	public static final String SUBMITTED_ON = "submittedOn";

	public static final String APPLICATION_REFERENCE = "applicationReference";

	public static final String NOTICE_REMARKS = "noticeRemarks";

	public static final String PARTIAL_FUNDING_REMARKS = "partialFundingRemarks";

	public static final String NEXT_STEP_REMARKS = "nextFundingStepRemarks";

	private FundingApplication() {
	}

}
