package de.ratsweg.project;

/**
 * The main process "Smart-City-Vorhaben": its key, element ids and the variables of the
 * project idea that every sub-process reads.
 */
public final class SmartCityProject {

	public static final String PROCESS_KEY = "SmartCityProjectProcess";

	public static final String START_FORM = "ProjectIdeaForm";

	// elements
	public static final String START_EVENT = "StartEvent_ProjectIdeaSubmitted";

	public static final String CO_SIGNING = "CallActivity_DepartmentCoSigning";

	public static final String BOARD_APPROVAL = "CallActivity_BoardApproval";

	public static final String REVISE_IDEA = "Task_ReviseProjectIdea";

	public static final String DECIDE_FUNDING_ROUTE = "BusinessRuleTask_DecideFundingRoute";

	public static final String CLARIFY_FINANCING = "Task_ClarifyFinancing";

	public static final String COMMITTEE_RESOLUTION = "CallActivity_CommitteeResolution";

	public static final String FUNDING_APPLICATION = "CallActivity_FundingApplication";

	public static final String SET_UP_ORGANISATION = "Task_SetUpProjectOrganisation";

	public static final String END_ORGANISED = "EndEvent_ProjectOrganisationEstablished";

	public static final String END_REJECTED_BY_BOARD = "EndEvent_ProjectRejected";

	public static final String END_REJECTED_BY_COMMITTEE = "EndEvent_ProjectRejectedByCommittee";

	public static final String END_STOPPED = "EndEvent_ProjectStopped";

	// variables of the project idea (ProjectIdeaForm)
	public static final String TITLE = "projectTitle";

	public static final String NEED_GAP = "needGap";

	public static final String NEED_AUDIENCE = "needAudience";

	public static final String STRATEGIC_PURPOSE = "strategicPurpose";

	public static final String FOCUS_AREA = "focusArea";

	public static final String LEAD_UNIT = "leadUnit";

	public static final String INVOLVED_DEPARTMENTS = "involvedDepartments";

	public static final String DIGITAL_SOLUTION = "digitalSolution";

	public static final String PERSONAL_DATA = "personalData";

	public static final String ESTIMATED_COST = "estimatedCost";

	public static final String PREFERRED_FINANCING = "preferredFinancing";

	public static final String WORK_PACKAGES = "workPackages";

	public static final String EXTERNAL_CONSULTING = "externalConsulting";

	public static final String EXTERNAL_CONSULTING_REASON = "externalConsultingReason";

	public static final String INITIATOR = "initiator";

	// decisions along the way
	public static final String BOARD_DECISION = "boardDecision";

	public static final String BOARD_REMARKS = "boardRemarks";

	public static final String FUNDING_ROUTE = "fundingRoute";

	public static final String COMMITTEE_OUTCOME = "committeeOutcome";

	public static final String FUNDING_OUTCOME = "fundingOutcome";

	/**
	 * How the project ended: organised, rejectedByBoard, rejectedByCommittee,
	 * stoppedAfterFunding.
	 */
	public static final String PROJECT_OUTCOME = "projectOutcome";

	public static final String OUTCOME_REASON = "outcomeReason";

	/**
	 * What the staff and lead unit enter on the way (revision, financing, organisation
	 * forms).
	 */
	public static final String REVISION_NOTE = "revisionNote";

	public static final String FINANCING_REMARKS = "financingRemarks";

	public static final String PROJECT_LEAD = "projectLead";

	public static final String WORK_LEVEL_STAFFED = "workLevelStaffed";

	public static final String JOB_POSTING_NEEDED = "jobPostingNeeded";

	public static final String KICK_OFF_DATE = "kickOffDate";

	private SmartCityProject() {
	}

}
