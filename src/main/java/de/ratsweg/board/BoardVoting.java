package de.ratsweg.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.engine.TaskInputException;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.project.SmartCityProject;

import static de.ratsweg.board.BoardApproval.*;

/**
 * The board's decision by circulation (Umlaufverfahren): every member votes within the
 * deadline, the majority of the votes cast decides, a tie (or no vote at all) goes to the
 * mayor. Also the due date of recording a meeting's decision.
 */
@Component("boardVoting")
public class BoardVoting {

	private static final Logger log = LoggerFactory.getLogger(BoardVoting.class);

	private enum Choice {

		APPROVED(BoardApproval.APPROVED, "freigeben"), REVISE(BoardApproval.REVISE, "überarbeiten"),
		REJECTED(BoardApproval.REJECTED, "ablehnen");

		final String value;

		final String german;

		Choice(String value, String german) {
			this.value = value;
			this.german = german;
		}

		static Choice of(Object value) {
			for (Choice choice : values()) {
				if (choice.value.equals(value)) {
					return choice;
				}
			}
			return null;
		}

	}

	/**
	 * A new round (also after a revision): nothing of the last decision counts.
	 */
	public void startRound(DelegateExecution execution) {
		ProcessRecords.forget(execution, SmartCityProject.BOARD_DECISION, SmartCityProject.BOARD_REMARKS, CHEFSACHE,
				DECISION_MODE, MEETING_DATE, VOTING_DAYS, MEMBERS, VOTING_DEADLINE_DATE, VOTES, TIED, VOTING_SUMMARY,
				VOTE_VALUE, VOTE_COMMENT);
	}

	/**
	 * The board meeting's decision is due two days after the meeting.
	 */
	public Date meetingResultDueDate(DelegateExecution execution) {
		LocalDate meeting = Dates.day(execution.getVariable(MEETING_DATE));
		return meeting == null ? Dates.inDays(MEETING_RECORD_DAYS) : Dates.endOf(meeting.plusDays(MEETING_RECORD_DAYS));
	}

	/**
	 * The members who vote (the group "verwaltungsvorstand" of the instance's
	 * municipality) and the deadline.
	 */
	public void startCirculation(DelegateExecution execution) {
		IdentityService identityService = execution.getProcessEngineServices().getIdentityService();
		String tenantId = execution.getTenantId();
		List<String> members = identityService.createUserQuery()
			.memberOfGroup(RatswegGroups.BOARD)
			.unlimitedList()
			.stream()
			.map(User::getId)
			// Only the board of the instance's municipality (as a user or through a
			// group); for a project without municipality (started before there were
			// municipalities) only members who belong to none.
			.filter((userId) -> belongsTo(identityService, userId, tenantId))
			.sorted()
			.collect(Collectors.toCollection(ArrayList::new));
		int days = Dates.number(execution.getVariable(VOTING_DAYS), DEFAULT_VOTING_DAYS);
		execution.setVariable(MEMBERS, members);
		execution.setVariable(VOTING_DEADLINE_DATE, Dates.inDays(days));
		execution.setVariable(VOTES, new ArrayList<>());
		if (members.isEmpty()) {
			log.warn("Circulation in process instance {}: the group '{}' has no members; the mayor decides",
					execution.getProcessInstanceId(), RatswegGroups.BOARD);
		}
	}

	private static boolean belongsTo(IdentityService identityService, String userId, String tenantId) {
		TenantQuery memberships = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true);
		return (tenantId != null) ? memberships.tenantId(tenantId).count() > 0 : memberships.count() == 0;
	}

	public void recordVote(DelegateTask task) {
		String member = String.valueOf(task.getVariable(MEMBER));
		String actor = ProcessRecords.currentUser(task.getExecution());
		if (actor != null && !actor.equals(member)) {
			throw new TaskInputException(
					"Im Umlaufverfahren stimmt jedes Mitglied selbst ab; diese Stimme gehört „%s“.".formatted(member));
		}
		Vote vote = Vote.cast(member, task.getVariable(VOTE_VALUE), task.getVariable(VOTE_COMMENT));
		ProcessRecords.keepTaskInput(task, VOTES, vote.toMap(), VOTE_VALUE, VOTE_COMMENT);
	}

	/**
	 * Counts the votes cast, one per member. An option with more than half of them
	 * decides; otherwise (a tie, no majority, no vote at all) the mayor casts the
	 * deciding vote.
	 */
	public void countVotes(DelegateExecution execution) {
		Map<String, Vote> lastVoteOfMember = new LinkedHashMap<>();
		for (Map<String, Object> entry : ProcessRecords.records(execution, VOTES)) {
			Vote vote = Vote.from(entry);
			lastVoteOfMember.put(vote.member(), vote);
		}
		List<Vote> votes = List.copyOf(lastVoteOfMember.values());
		Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
		for (Vote vote : votes) {
			Choice choice = Choice.of(vote.vote());
			if (choice != null) {
				counts.merge(choice, 1, Integer::sum);
			}
		}
		int cast = counts.values().stream().mapToInt(Integer::intValue).sum();
		List<Choice> leaders = counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() * 2 > cast)
			.map(Map.Entry::getKey)
			.toList();
		String summary = counts.isEmpty() ? "keine Stimme abgegeben"
				: counts.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + "× " + entry.getKey().german)
					.collect(Collectors.joining(", "));
		execution.setVariable(VOTING_SUMMARY, summary);
		boolean tied = leaders.size() != 1;
		execution.setVariable(TIED, tied);
		if (!tied) {
			Choice decision = leaders.get(0);
			execution.setVariable(SmartCityProject.BOARD_DECISION, decision.value);
			String remarks = votes.stream()
				.filter((vote) -> decision.value.equals(vote.vote()) && vote.comment() != null)
				.map((vote) -> vote.member() + ": " + vote.comment())
				.collect(Collectors.joining("\n"));
			execution.setVariable(SmartCityProject.BOARD_REMARKS, remarks.isEmpty() ? null : remarks);
		}
		log.info("Circulation in process instance {}: {} ({} of {} members voted)", execution.getProcessInstanceId(),
				summary, votes.size(), sizeOf(execution.getVariable(MEMBERS)));
	}

	private static int sizeOf(Object members) {
		return members instanceof List<?> list ? list.size() : 0;
	}

}
