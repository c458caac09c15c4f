package de.ratsweg.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import de.ratsweg.board.BoardApproval;
import de.ratsweg.committee.CommitteeResolution;
import de.ratsweg.cosigning.DepartmentCoSigning;
import de.ratsweg.funding.FundingApplication;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.project.SmartCityProject;

import static de.ratsweg.record.Outcomes.label;

/**
 * Reads every decision of a project from its history, in the words of the record: the
 * submitted idea, each department's statement, the board's decision and votes, revisions,
 * the funding route, each committee session, the funding application and notice, the
 * project organisation and the outcome. Oldest first.
 */
final class Decisions {

	/**
	 * Who acted when nobody did by hand (a decision table, the vote count, a deadline).
	 */
	static final String RATSWEG = "Ratsweg (automatisch)";

	/** Who acted for a committee result taken from the council information system. */
	static final String COUNCIL_INFORMATION_SYSTEM = "Ratsinformationssystem";

	/** Who acted for a funding notice delivered by message. */
	static final String FUNDING_BODY = "Zuwendungsgeber (elektronisch übermittelt)";

	/**
	 * At the same instant (one transaction), what people decided comes first, then what
	 * followed from it by itself: the vote count, then the funding route, last the
	 * outcome.
	 */
	private static final int BY_PEOPLE = 0;

	private static final int VOTE_COUNT = 1;

	private static final int FUNDING_ROUTE = 2;

	private static final int OUTCOME = 3;

	private final ProjectHistory project;

	private final List<Ranked> decisions = new ArrayList<>();

	private record Ranked(Decision decision, int rank) {
	}

	private Decisions(ProjectHistory project) {
		this.project = project;
	}

	static List<Decision> of(ProjectHistory project) {
		Decisions collected = new Decisions(project);
		collected.collect();
		return collected.decisions.stream().map(Ranked::decision).toList();
	}

	private void collect() {
		HistoricProcessInstance root = this.project.root();
		submission(root);
		for (HistoricProcessInstance instance : this.project.instancesOf(SmartCityProject.PROCESS_KEY)) {
			revisions(instance);
			fundingRoute(instance);
			organisation(instance);
		}
		this.project.instancesOf(DepartmentCoSigning.PROCESS_KEY).forEach(this::coSigning);
		this.project.instancesOf(BoardApproval.PROCESS_KEY).forEach(this::board);
		this.project.instancesOf(CommitteeResolution.PROCESS_KEY).forEach(this::committees);
		this.project.instancesOf(FundingApplication.PROCESS_KEY).forEach(this::funding);
		outcome(root);
		// stable: the same instant and rank keep the order of adding
		this.decisions
			.sort(Comparator
				.comparing((Ranked ranked) -> ranked.decision().time(),
						Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)))
				.thenComparing(Ranked::rank));
	}

	// --- the main process ---

	private void submission(HistoricProcessInstance root) {
		String initiator = (root.getStartUserId() != null) ? root.getStartUserId()
				: text(this.project.value(root, SmartCityProject.INITIATOR));
		add(ProjectHistory.time(root.getStartTime()), initiator, this.project.actorName(initiator, null),
				RatswegGroups.nameOf(RatswegGroups.STAFF), root.getTenantId(), "Projektidee eingereicht", "eingereicht",
				lines(labelled("Bedarfslücke", this.project.initialValue(root, SmartCityProject.NEED_GAP)),
						labelled("Geschätzte Kosten",
								Outcomes.euro(this.project.initialValue(root, SmartCityProject.ESTIMATED_COST)))),
				null);
	}

	private void revisions(HistoricProcessInstance instance) {
		for (HistoricTaskInstance task : this.project.tasks(instance, SmartCityProject.REVISE_IDEA)) {
			byTask(task, "Projektidee überarbeitet", "überarbeitet und erneut eingereicht",
					text(this.project.submitted(task, "revisionNote")));
		}
	}

	private void fundingRoute(HistoricProcessInstance instance) {
		for (HistoricActivityInstance activity : this.project.activities(instance,
				SmartCityProject.DECIDE_FUNDING_ROUTE)) {
			Object route = this.project.setIn(activity, SmartCityProject.FUNDING_ROUTE);
			automatic(activity, FUNDING_ROUTE, null, "Finanzierungsweg bestimmt (Entscheidungstabelle)",
					label(Outcomes.FUNDING_ROUTES, route), "unclear".equals(route)
							? "Der Verwaltungsvorstand klärt die Finanzierung, bevor die Gremien beraten." : null);
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, SmartCityProject.CLARIFY_FINANCING)) {
			byTask(task, "Finanzierung geklärt",
					label(Outcomes.FINANCING, this.project.submitted(task, SmartCityProject.PREFERRED_FINANCING)),
					text(this.project.submitted(task, "financingRemarks")));
		}
	}

	private void organisation(HistoricProcessInstance instance) {
		for (HistoricTaskInstance task : this.project.tasks(instance, SmartCityProject.SET_UP_ORGANISATION)) {
			Object lead = this.project.submitted(task, "projectLead");
			byTask(task, "Projektorganisation aufgesetzt", (lead != null) ? "Projektleitung: " + lead : "aufgesetzt",
					lines(labelled("Arbeitsebene besetzt",
							Outcomes.yesNo(this.project.submitted(task, "workLevelStaffed"))),
							labelled("Stellenausschreibung nötig",
									Outcomes.yesNo(this.project.submitted(task, "jobPostingNeeded"))),
							labelled("Auftakt", day(this.project.submitted(task, "kickOffDate")))));
		}
	}

	private void outcome(HistoricProcessInstance root) {
		if (root.getEndTime() == null) {
			return;
		}
		Object outcome = this.project.value(root, SmartCityProject.PROJECT_OUTCOME);
		add(OUTCOME, ProjectHistory.time(root.getEndTime()), null, RATSWEG, null, root.getTenantId(),
				"Ergebnis des Vorhabens",
				(outcome != null) ? label(Outcomes.PROJECT_OUTCOMES, outcome) : Outcomes.CANCELLED, (outcome != null)
						? text(this.project.value(root, SmartCityProject.OUTCOME_REASON)) : root.getDeleteReason(),
				null);
	}

	// --- co-signing ---

	private void coSigning(HistoricProcessInstance instance) {
		for (Map<String, Object> statement : this.project.records(instance, DepartmentCoSigning.STATEMENTS)) {
			String user = text(statement.get("user"));
			OffsetDateTime time = instant(statement.get("time"), instance);
			Optional<HistoricTaskInstance> task = this.project.taskOf(instance, user, time,
					DepartmentCoSigning.CO_SIGN);
			add(time, user, this.project.actorName(user, task.map(this.project::onBehalfOf).orElse(null)),
					RatswegGroups.nameOf(text(statement.get("department"))), instance.getTenantId(), "Mitzeichnung",
					label(Outcomes.STATEMENTS, statement.get("statement")), text(statement.get("text")), null);
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, DepartmentCoSigning.FOLLOW_UP)) {
			byTask(task, "Fehlende Mitzeichnungen nachgefasst",
					label(Outcomes.FOLLOW_UP, this.project.submitted(task, DepartmentCoSigning.FOLLOW_UP_DECISION)),
					lines(labelled("Fehlend", this.project.submitted(task, DepartmentCoSigning.MISSING)),
							text(this.project.submitted(task, "followUpNote"))));
		}
	}

	// --- the board ---

	private void board(HistoricProcessInstance instance) {
		for (HistoricTaskInstance task : this.project.tasks(instance, BoardApproval.PREPARE_AGENDA_ITEM)) {
			boolean circulation = BoardApproval.CIRCULATION
				.equals(this.project.submitted(task, BoardApproval.DECISION_MODE));
			Object days = this.project.submitted(task, BoardApproval.VOTING_DAYS);
			String meeting = day(this.project.submitted(task, BoardApproval.MEETING_DATE));
			String mode = circulation
					? "Entscheidung im Umlaufverfahren" + ((days != null) ? " (" + days + " Tage)" : "")
					: "Entscheidung in der Sitzung" + ((meeting != null) ? " am " + meeting : "");
			byTask(task, "Vorlage für den Verwaltungsvorstand", mode,
					text(this.project.submitted(task, "agendaSummary")));
		}
		for (Map<String, Object> vote : this.project.records(instance, BoardApproval.VOTES)) {
			String user = text((vote.get("user") != null) ? vote.get("user") : vote.get("member"));
			OffsetDateTime time = instant(vote.get("time"), instance);
			Optional<HistoricTaskInstance> task = this.project.taskOf(instance, user, time, BoardApproval.VOTE);
			add(time, user, this.project.actorName(user, task.map(this.project::onBehalfOf).orElse(null)),
					RatswegGroups.nameOf(RatswegGroups.BOARD), instance.getTenantId(), "Stimme im Umlaufverfahren",
					label(Outcomes.VOTES, vote.get("vote")), text(vote.get("comment")), null);
		}
		for (HistoricActivityInstance count : this.project.activities(instance, BoardApproval.COUNT_VOTES)) {
			boolean tied = Boolean.TRUE.equals(this.project.setIn(count, BoardApproval.TIED));
			automatic(count, VOTE_COUNT, RatswegGroups.nameOf(RatswegGroups.BOARD), "Auszählung des Umlaufverfahrens",
					tied ? "keine Mehrheit: Stichentscheid"
							: label(Outcomes.BOARD_DECISIONS,
									this.project.setIn(count, SmartCityProject.BOARD_DECISION)),
					lines(labelled("Stimmen", this.project.setIn(count, BoardApproval.VOTING_SUMMARY)),
							tied ? null : text(this.project.setIn(count, SmartCityProject.BOARD_REMARKS))));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, BoardApproval.CAST_DECIDING_VOTE)) {
			byTask(task, "Stichentscheid",
					label(Outcomes.BOARD_DECISIONS, this.project.submitted(task, SmartCityProject.BOARD_DECISION)),
					text(this.project.submitted(task, SmartCityProject.BOARD_REMARKS)));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, BoardApproval.RECORD_DECISION)) {
			// one round per instance: the meeting its agenda item named
			String meeting = day(this.project.value(instance, BoardApproval.MEETING_DATE));
			String decision = label(Outcomes.BOARD_DECISIONS,
					this.project.submitted(task, SmartCityProject.BOARD_DECISION));
			boolean chefsache = Boolean.TRUE.equals(this.project.submitted(task, BoardApproval.CHEFSACHE));
			byTask(task,
					"Beschluss des Verwaltungsvorstands" + ((meeting != null) ? " (Sitzung am " + meeting + ")" : ""),
					chefsache ? decision + ", Chefsache" : decision,
					text(this.project.submitted(task, SmartCityProject.BOARD_REMARKS)));
		}
	}

	// --- the committees ---

	private void committees(HistoricProcessInstance instance) {
		for (Map<String, Object> session : this.project.records(instance, CommitteeResolution.RESULTS)) {
			boolean fromCouncilSystem = "oparl".equals(session.get("source"));
			String user = fromCouncilSystem ? null : text(session.get("user"));
			OffsetDateTime time = instant(session.get("time"), instance);
			Optional<HistoricTaskInstance> task = (user != null) ? this.project.taskOf(instance, user, time,
					CommitteeResolution.RECORD_RESULT, CommitteeResolution.CLARIFY_RESULT) : Optional.empty();
			String committee = text(session.get(CommitteeResolution.COMMITTEE_NAME));
			String role = label(Outcomes.COMMITTEE_ROLES, session.get(CommitteeResolution.COMMITTEE_ROLE));
			String meeting = day(session.get(CommitteeResolution.MEETING_DATE));
			Object meetingName = session.get("meetingName");
			String step = join(", ",
					(meetingName != null) ? meetingName + ((meeting != null) ? " am " + meeting : "")
							: (meeting != null) ? "Sitzung am " + meeting : "Beratung",
					labelled("Drucksache", session.get(CommitteeResolution.PAPER_REFERENCE)));
			add(time, user,
					fromCouncilSystem ? COUNCIL_INFORMATION_SYSTEM
							: this.project.actorName(user, task.map(this.project::onBehalfOf).orElse(null)),
					(committee != null && role != null) ? committee + " (" + role + ")" : committee,
					instance.getTenantId(), step, label(Outcomes.COMMITTEE_RESULTS, session.get("result")),
					lines(text(session.get("resolutionText")), labelled("Änderungen", session.get("changes")),
							fromCouncilSystem && session.get("oparlResult") != null
									? "Ergebnis im Ratsinformationssystem: „" + session.get("oparlResult") + "“"
									: null),
					webAddress(session.get("agendaItem")));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, CommitteeResolution.REVIEW_CHANGES)) {
			byTask(task, "Änderungen des Gremiums geprüft",
					Boolean.TRUE.equals(this.project.submitted(task, "changesAcknowledged"))
							? "zur Kenntnis genommen, werden umgesetzt" : "geprüft",
					text(this.project.submitted(task, "changesRemarks")));
		}
	}

	// --- funding ---

	private void funding(HistoricProcessInstance instance) {
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.SELECT_PROGRAMME)) {
			byTask(task, "Förderprogramm ausgewählt", text(this.project.submitted(task, FundingApplication.PROGRAMME)),
					labelled("Einreichungsfrist", day(this.project.submitted(task, FundingApplication.CALL_DEADLINE))));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.PREPARE)) {
			byTask(task, "Förderantrag vorbereitet",
					labelled("beantragt",
							Outcomes.euro(this.project.submitted(task, FundingApplication.REQUESTED_AMOUNT))),
					lines(join(", ",
							labelled("Zuwendungsfähige Ausgaben",
									Outcomes.euro(this.project.submitted(task, FundingApplication.ELIGIBLE_COST))),
							labelled("Eigenanteil",
									Outcomes.euro(this.project.submitted(task, FundingApplication.OWN_SHARE)))),
							text(this.project.submitted(task, "financingPlan"))));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.TREASURY_STATEMENT)) {
			byTask(task, "Stellungnahme der Kämmerei",
					Boolean.TRUE.equals(this.project.submitted(task, FundingApplication.OWN_SHARE_SECURED))
							? "Eigenanteil gesichert" : "Eigenanteil nicht gesichert",
					text(this.project.submitted(task, "treasuryStatement")));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.SIGN)) {
			byTask(task, "Förderantrag unterzeichnet",
					Boolean.TRUE.equals(this.project.submitted(task, "applicationSigned")) ? "unterzeichnet"
							: "nicht unterzeichnet",
					null);
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.SUBMIT)) {
			String day = day(this.project.submitted(task, "submittedOn"));
			byTask(task, "Förderantrag eingereicht", (day != null) ? "eingereicht am " + day : "eingereicht",
					labelled("Aktenzeichen", this.project.submitted(task, "applicationReference")));
		}
		for (HistoricActivityInstance deadline : this.project.activities(instance,
				FundingApplication.CALL_DEADLINE_TIMER)) {
			automatic(deadline, BY_PEOPLE, null, "Einreichungsfrist verpasst", "Antrag nicht eingereicht",
					text(this.project.setIn(deadline, FundingApplication.FAILURE_REASON)));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.RECORD_NOTICE)) {
			byTask(task, "Zuwendungsbescheid erfasst",
					label(Outcomes.FUNDING_RESULTS, this.project.submitted(task, FundingApplication.RESULT)),
					notice((name) -> this.project.submitted(task, name)));
		}
		for (HistoricActivityInstance delivered : this.project.activities(instance,
				FundingApplication.NOTICE_RECEIVED)) {
			add(ProjectHistory.time(delivered.getEndTime()), null, FUNDING_BODY, null, instance.getTenantId(),
					"Zuwendungsbescheid übermittelt",
					label(Outcomes.FUNDING_RESULTS, this.project.value(instance, FundingApplication.RESULT)),
					notice((name) -> this.project.value(instance, name)), null);
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.DECIDE_ON_PARTIAL_FUNDING)) {
			byTask(task, "Entscheidung über die Teilbewilligung",
					label(Outcomes.PARTIAL_FUNDING,
							this.project.submitted(task, FundingApplication.PARTIAL_FUNDING_DECISION)),
					text(this.project.submitted(task, "partialFundingRemarks")));
		}
		for (HistoricTaskInstance task : this.project.tasks(instance, FundingApplication.DECIDE_NEXT_STEP)) {
			Object step = this.project.submitted(task, FundingApplication.NEXT_STEP);
			String financing = label(Outcomes.FINANCING,
					this.project.submitted(task, SmartCityProject.PREFERRED_FINANCING));
			byTask(task, "Entscheidung über das weitere Vorgehen",
					"otherFinancing".equals(step) && financing != null
							? label(Outcomes.NEXT_FUNDING_STEP, step) + ": " + financing
							: label(Outcomes.NEXT_FUNDING_STEP, step),
					text(this.project.submitted(task, "nextFundingStepRemarks")));
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
				text(values.apply("noticeRemarks")));
	}

	// --- building ---

	private void byTask(HistoricTaskInstance task, String step, String outcome, String text) {
		String actor = this.project.completedBy(task);
		add(ProjectHistory.time(task.getEndTime()), actor, this.project.actorName(actor, this.project.onBehalfOf(task)),
				this.project.roleOf(task, actor), task.getTenantId(), step, outcome, text, null);
	}

	private void automatic(HistoricActivityInstance activity, int rank, String role, String step, String outcome,
			String text) {
		add(rank, ProjectHistory.time(activity.getEndTime()), null, RATSWEG, role, activity.getTenantId(), step,
				outcome, text, null);
	}

	private void add(OffsetDateTime time, String actorId, String actorName, String role, String tenantId, String step,
			String outcome, String text, String link) {
		add(BY_PEOPLE, time, actorId, actorName, role, tenantId, step, outcome, text, link);
	}

	private void add(int rank, OffsetDateTime time, String actorId, String actorName, String role, String tenantId,
			String step, String outcome, String text, String link) {
		this.decisions.add(new Ranked(new Decision(time, actorId, actorName, role, this.project.municipality(tenantId),
				step, outcome, text, link), rank));
	}

	/**
	 * The time a kept record carries (ISO 8601 with offset); else when its instance ended
	 * or started.
	 */
	private static OffsetDateTime instant(Object value, HistoricProcessInstance instance) {
		if (value instanceof String text && !text.isBlank()) {
			try {
				return OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				// fall through to the instance's times
			}
		}
		return ProjectHistory.time((instance.getEndTime() != null) ? instance.getEndTime() : instance.getStartTime());
	}

	/** A day as "12.03.2026", or null. */
	private static String day(Object value) {
		LocalDate day = Dates.day(value);
		return (day != null) ? Dates.german(day) : null;
	}

	/** Only web addresses become links; anything else is dropped. */
	private static String webAddress(Object value) {
		String address = text(value);
		return (address != null && (address.startsWith("https://") || address.startsWith("http://"))) ? address : null;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	private static String labelled(String label, Object value) {
		String text = text(value);
		return (text != null) ? label + ": " + text : null;
	}

	/** The parts that are there, one per line; null when none is. */
	private static String lines(String... parts) {
		return join("\n", parts);
	}

	private static String join(String separator, String... parts) {
		String joined = Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(separator));
		return joined.isEmpty() ? null : joined;
	}

}
