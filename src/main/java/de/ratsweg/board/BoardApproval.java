package de.ratsweg.board;

/**
 * The process "Freigabe durch den Verwaltungsvorstand": key, element ids, variables.
 */
public final class BoardApproval {

	public static final String PROCESS_KEY = "BoardApprovalProcess";

	public static final String PREPARE_AGENDA_ITEM = "Task_PrepareBoardAgendaItem";

	public static final String RECORD_DECISION = "Task_RecordBoardDecision";

	public static final String START_CIRCULATION = "ServiceTask_StartCirculation";

	public static final String VOTE = "Task_VoteOnProjectIdea";

	public static final String VOTING_DEADLINE = "Timer_VotingDeadline";

	public static final String COUNT_VOTES = "ServiceTask_CountVotes";

	public static final String CAST_DECIDING_VOTE = "Task_CastDecidingVote";

	public static final String END_DECIDED = "EndEvent_BoardDecided";

	public static final String DECISION_MODE = "decisionMode";

	public static final String MEETING = "meeting";

	public static final String CIRCULATION = "circulation";

	public static final String MEETING_DATE = "boardMeetingDate";

	public static final String VOTING_DAYS = "votingDays";

	public static final String MEMBERS = "boardMembers";

	/** The member a vote task belongs to (the multi-instance element). */
	public static final String MEMBER = "boardMember";

	public static final String VOTING_DEADLINE_DATE = "votingDeadline";

	public static final String VOTES = "boardVotes";

	public static final String VOTE_VALUE = "vote";

	public static final String VOTE_COMMENT = "voteComment";

	public static final String TIED = "votingTied";

	public static final String VOTING_SUMMARY = "votingSummary";

	public static final String CHEFSACHE = "chefsache";

	/** What the agenda item says (PrepareBoardAgendaItemForm). */
	public static final String AGENDA_SUMMARY = "agendaSummary";

	// outcomes (boardDecision)
	public static final String APPROVED = "approved";

	public static final String REVISE = "revise";

	public static final String REJECTED = "rejected";

	static final int DEFAULT_VOTING_DAYS = 5;

	/** Days after the meeting to record its decision. */
	static final int MEETING_RECORD_DAYS = 2;

	private BoardApproval() {
	}

}
