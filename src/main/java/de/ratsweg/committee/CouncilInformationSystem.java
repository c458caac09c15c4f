package de.ratsweg.committee;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.forms.FormText;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.ProcessRecords;
import de.ratsweg.tenancy.Municipalities;
import de.ratsweg.tenancy.Municipality;

import static de.ratsweg.committee.CommitteeResolution.*;

/**
 * Committee results from the municipality's council information system (OParl 1.1): the
 * paper is found by its reference (Drucksachennummer) in the municipality's body, its
 * consultation in the current committee leads to the agenda item, and the agenda item's
 * result, once published, is the session's result. One look-up per call: the process
 * repeats it on a timer until the result is there.
 *
 * <p>
 * Never guessed: a result text that the result table ({@value ResultText#DECISION_KEY})
 * does not read as an outcome, a deleted paper, or nothing found after the result was due
 * goes to the committee office as a task. A server that cannot be read fails the look-up
 * (the engine tries again and finally raises an incident); the office can always record
 * the result by hand meanwhile.
 */
@Component("councilInformationSystem")
@EnableConfigurationProperties(OParlProperties.class)
public class CouncilInformationSystem {

	private static final Logger log = LoggerFactory.getLogger(CouncilInformationSystem.class);

	/**
	 * Papers written shortly before the project reached the committees are still found.
	 */
	private static final int SEARCH_DAYS_BEFORE_START = 60;

	/**
	 * A consultation whose meeting lies more than this before the meeting the office
	 * scheduled belongs to an earlier round.
	 */
	private static final int MEETING_TOLERANCE_DAYS = 7;

	/** At most this many upcoming meetings are offered. */
	private static final int OFFERED_MEETINGS = 10;

	/** OParl's date-time: "2026-10-03T11:47:00+02:00" (seconds and offset always). */
	private static final DateTimeFormatter MODIFIED_SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private final Municipalities municipalities;

	private final Consultations consultations;

	private final OParlProperties properties;

	private final HttpClient http;

	private final ObjectMapper json;

	private final ResultTextLog resultTexts;

	CouncilInformationSystem(Municipalities municipalities, Consultations consultations, OParlProperties properties,
			ObjectMapper json, ResultTextLog resultTexts) {
		this.resultTexts = resultTexts;
		this.municipalities = municipalities;
		this.consultations = consultations;
		this.properties = properties;
		this.json = json;
		this.http = OParlClient.httpClient(properties.timeout());
	}

	/** Whether the process's municipality has a council information system to ask. */
	public boolean isConnected(DelegateExecution execution) {
		return system(execution).isPresent();
	}

	/** The time between two look-ups, as an ISO 8601 duration for the timer. */
	public String getPollInterval() {
		return this.properties.pollInterval().toString();
	}

	/**
	 * Looks for the current committee's result once and sets
	 * {@link CommitteeResolution#COUNCIL_SYSTEM_STATUS}: found (the result is recorded),
	 * pending (look again later) or unclear (the office decides; the reason is in
	 * {@link CommitteeResolution#COUNCIL_SYSTEM_NOTE}).
	 */
	public void lookUp(DelegateExecution execution) {
		String system = system(execution)
			.orElseThrow(() -> new IllegalStateException("No council information system for municipality "
					+ execution.getTenantId() + " (process instance " + execution.getProcessInstanceId() + ")"));
		OParlClient client = client(execution, system);
		String reference = String.valueOf(execution.getVariable(PAPER_REFERENCE));
		String committee = String.valueOf(execution.getVariable(COMMITTEE_NAME));

		Optional<JsonNode> paper = paper(client, execution, system, reference);
		if (paper.isEmpty()) {
			pendingUntilDue(execution,
					"Die Drucksache " + reference + " ist im Ratsinformationssystem nicht zu finden.");
			return;
		}
		if (paper.get().path("deleted").asBoolean(false)) {
			unclear(execution, "Die Drucksache " + reference + " wurde im Ratsinformationssystem gelöscht. "
					+ "Bitte erfassen Sie das Ergebnis von Hand.", null);
			return;
		}
		Optional<Consultation> consultation = consultationIn(client, execution, paper.get(), committee);
		if (consultation.isEmpty()) {
			pendingUntilDue(execution, "Zur Drucksache " + reference
					+ " ist im Ratsinformationssystem keine Beratung im Gremium „" + committee + "“ zu finden.");
			return;
		}
		String agendaItemUrl = consultation.get().agendaItem();
		// the item this round waits for: a result recorded by hand counts for it, too
		execution.setVariable(OPARL_AGENDA_ITEM, agendaItemUrl);
		String meetingDay = (consultation.get().day() != null) ? consultation.get().day().toString() : null;
		if (meetingDay != null && execution.getVariable(MEETING_DATE) == null) {
			// after a postponement the next meeting was not known yet
			execution.setVariable(MEETING_DATE, meetingDay);
		}
		Optional<JsonNode> agendaItem = client.objectUnlessGone(agendaItemUrl);
		if (agendaItem.isEmpty() || agendaItem.get().path("deleted").asBoolean(false)) {
			unclear(execution,
					"Der Tagesordnungspunkt zur Drucksache " + reference
							+ " wurde im Ratsinformationssystem gelöscht. Bitte erfassen Sie das Ergebnis von Hand.",
					null);
			return;
		}
		String resultText = text(agendaItem.get(), "result");
		String resolutionText = text(agendaItem.get(), "resolutionText");
		if (resultText == null) {
			pendingUntilDue(execution, "Zur Drucksache " + reference + " hat das Gremium „" + committee
					+ "“ im Ratsinformationssystem noch kein Ergebnis veröffentlicht.");
			return;
		}
		ResultTable.Reading reading = ResultTable.read(execution, ResultText.of(resultText));
		if (reading.isUnclear()
				|| (NOTED.equals(reading.outcome()) && DECIDING.equals(execution.getVariable(COMMITTEE_ROLE)))) {
			log.warn(
					"Council information system of {}: result text '{}' of {} is read as {} by {}; the committee "
							+ "office decides (process instance {})",
					execution.getTenantId(), resultText, agendaItemUrl, reading.outcome(), ResultText.DECISION_KEY,
					execution.getProcessInstanceId());
			String why = !reading.isUnclear()
					? "Das entscheidende Gremium hat die Vorlage nur zur Kenntnis genommen; ein Beschluss fehlt."
					: !reading.reason().isBlank() ? reading.reason() : "Ratsweg ordnet es keinem Ausgang zu.";
			unclear(execution, "Das Ratsinformationssystem meldet für die Drucksache " + reference + " das Ergebnis „"
					+ plain(resultText) + "“. " + why + " Bitte wählen Sie das Ergebnis.", resolutionText);
			execution.setVariable(COUNCIL_RESULT_TEXT, resultText);
			this.resultTexts.unmapped(execution.getTenantId(), resultText);
			return;
		}
		String outcome = reading.outcome();
		String meetingName = (consultation.get().meeting() != null) ? text(consultation.get().meeting(), "name") : null;
		this.consultations.recordFromCouncilSystem(execution, outcome, resolutionText, meetingDay, resultText,
				agendaItemUrl, meetingName);
		execution.setVariable(COUNCIL_SYSTEM_STATUS, FOUND);
		log.info("Committee result of process instance {} taken from the council information system: '{}' -> {} ({})",
				execution.getProcessInstanceId(), resultText, outcome, agendaItemUrl);
	}

	/**
	 * Offers the committee's upcoming meetings from the council information system in
	 * "Sitzungstermin festlegen" ({@link CommitteeResolution#UPCOMING_MEETINGS}): the
	 * office picks one instead of typing its date, and typing stays possible. A system
	 * that cannot be read offers none, and nothing else changes.
	 */
	public void offerMeetings(DelegateTask task) {
		DelegateExecution execution = task.getExecution();
		Optional<String> system = system(execution);
		if (system.isEmpty()) {
			return;
		}
		String committee = String.valueOf(execution.getVariable(COMMITTEE_NAME));
		try {
			OParlClient client = client(execution, system.get());
			String meetings = meetingsOf(client, body(client, execution, system.get()), committee);
			if (meetings.isBlank()) {
				return;
			}
			LocalDate today = Dates.today();
			List<Map<String, Object>> options = new ArrayList<>();
			client.search(meetings, (meeting) -> {
				LocalDate day = day(text(meeting, "start"));
				if (day != null && !day.isBefore(today) && !meeting.path("cancelled").asBoolean(false)) {
					String name = text(meeting, "name");
					Map<String, Object> option = new LinkedHashMap<>();
					option.put("label", Dates.german(day) + ((name != null) ? " – " + plain(name) : ""));
					option.put("value", day.toString());
					options.add(option);
				}
				return options.size() >= OFFERED_MEETINGS;
			});
			options.sort(Comparator.comparing((option) -> String.valueOf(option.get("value"))));
			if (!options.isEmpty()) {
				task.setVariableLocal(UPCOMING_MEETINGS,
						SpinValues.jsonValue(this.json.writeValueAsString(options)).create());
			}
		}
		catch (OParlException | JsonProcessingException ex) {
			log.warn("Council information system of {}: no meetings of '{}' to offer, the office types the date ({})",
					execution.getTenantId(), committee, ex.getMessage());
		}
	}

	/**
	 * The office clarified a result the table did not read: its choice for that text is
	 * kept for the administrators ({@link ResultTextLog}).
	 */
	public void clarified(DelegateTask task) {
		Object text = task.getVariable(COUNCIL_RESULT_TEXT);
		if (text instanceof String resultText) {
			this.resultTexts.chosen(task.getTenantId(), resultText, String.valueOf(task.getVariable(RESULT)));
			task.getExecution().removeVariable(COUNCIL_RESULT_TEXT);
		}
	}

	private OParlClient client(DelegateExecution execution, String system) {
		Municipality municipality = this.municipalities.find(execution.getTenantId()).orElseThrow();
		return new OParlClient(this.http, this.json, system, this.properties.timeout(), this.properties.maxPages(),
				municipality.oparlLinksWritten(), municipality.oparlLinksRead());
	}

	private Optional<String> system(DelegateExecution execution) {
		return this.municipalities.find(execution.getTenantId())
			.filter(Municipality::hasOParlSystem)
			.map(Municipality::oparlSystem);
	}

	/**
	 * The paper: by its address once known, else searched in the body's paper list (only
	 * the changes since the last search, or since shortly before the project started).
	 */
	private Optional<JsonNode> paper(OParlClient client, DelegateExecution execution, String system, String reference) {
		Object known = execution.getVariable(OPARL_PAPER);
		if (known instanceof String url && !url.isBlank()) {
			Optional<JsonNode> paper = client.objectUnlessGone(url);
			if (paper.isEmpty()) {
				return Optional.of(this.json.createObjectNode().put("id", url).put("deleted", true));
			}
			if (paper.get().path("deleted").asBoolean(false) || hasReference(paper.get(), reference)) {
				return paper;
			}
			// the office named another paper for this committee: search again
			execution.removeVariable(OPARL_PAPER);
		}
		Instant searchStarted = EngineClock.now().toInstant();
		JsonNode body = body(client, execution, system);
		String papers = body.path("paper").asText(null);
		if (papers == null || papers.isBlank()) {
			throw new OParlException("OParl body of " + execution.getTenantId() + " has no 'paper' list");
		}
		String since = searchedSince(execution);
		OParlClient.Search search;
		try {
			search = client.search(withQuery(papers, "modified_since", since),
					(candidate) -> hasReference(candidate, reference));
		}
		catch (OParlException ex) {
			// a paper list too slow to answer: the committee's meeting may still show it;
			// if not, the list's own error is the one to see
			Optional<JsonNode> paper;
			try {
				paper = paperInScheduledMeeting(client, execution, body, reference);
			}
			catch (OParlException other) {
				ex.addSuppressed(other);
				throw ex;
			}
			if (paper.isEmpty()) {
				throw ex;
			}
			return remember(execution, paper);
		}
		if (search.found().isPresent()) {
			return remember(execution, search.found());
		}
		if (!search.complete()) {
			// more pages than max-pages (a server that ignores modified_since, ten papers
			// a
			// page): look in the committee's meeting on the scheduled day instead
			log.info("OParl paper list of {} has more than {} pages; looking for {} in the scheduled meeting instead",
					execution.getTenantId(), this.properties.maxPages(), reference);
			return remember(execution, paperInScheduledMeeting(client, execution, body, reference));
		}
		execution.setVariable(OPARL_PAPERS_SEARCHED_AT, searchStarted.toString());
		return Optional.empty();
	}

	/** A paper found: polled by its own address from now on. */
	private static Optional<JsonNode> remember(DelegateExecution execution, Optional<JsonNode> paper) {
		paper.ifPresent((found) -> {
			execution.setVariable(OPARL_PAPER, found.path("id").asText());
			execution.removeVariable(OPARL_PAPERS_SEARCHED_AT);
		});
		return paper;
	}

	/**
	 * The paper through the committee: its Organization, its meetings around the day the
	 * office scheduled, their agenda items, their consultations' papers.
	 */
	private Optional<JsonNode> paperInScheduledMeeting(OParlClient client, DelegateExecution execution, JsonNode body,
			String reference) {
		LocalDate scheduled = Dates.day(execution.getVariable(MEETING_DATE));
		String meetings = (scheduled != null)
				? meetingsOf(client, body, String.valueOf(execution.getVariable(COMMITTEE_NAME))) : "";
		if (meetings.isBlank()) {
			return Optional.empty();
		}
		AtomicReference<JsonNode> paper = new AtomicReference<>();
		client.search(meetings, (meeting) -> {
			LocalDate day = day(text(meeting, "start"));
			return day != null && Math.abs(ChronoUnit.DAYS.between(scheduled, day)) <= MEETING_TOLERANCE_DAYS
					&& paperOnAgenda(client, meeting, reference, paper);
		});
		return Optional.ofNullable(paper.get());
	}

	/**
	 * The address of the committee's list of meetings: the body's Organization with the
	 * committee's name, its {@code meeting}; "" when there is none.
	 */
	private static String meetingsOf(OParlClient client, JsonNode body, String committee) {
		String organizations = body.path("organization").asText("");
		if (organizations.isBlank()) {
			return "";
		}
		return client.search(organizations, (candidate) -> names(candidate, committee))
			.found()
			.map((organization) -> organization.path("meeting").asText(""))
			.orElse("");
	}

	private static boolean paperOnAgenda(OParlClient client, JsonNode meeting, String reference,
			AtomicReference<JsonNode> paper) {
		for (JsonNode entry : meeting.path("agendaItem")) {
			String consultation = client.embeddedOrRead(entry).path("consultation").asText("");
			if (consultation.isBlank()) {
				continue;
			}
			String paperUrl = client.object(consultation).path("paper").asText("");
			Optional<JsonNode> candidate = paperUrl.isBlank() ? Optional.empty() : client.objectUnlessGone(paperUrl);
			if (candidate.isPresent() && hasReference(candidate.get(), reference)) {
				paper.set(candidate.get());
				return true;
			}
		}
		return false;
	}

	private static boolean hasReference(JsonNode paper, String reference) {
		return reference.equalsIgnoreCase(paper.path("reference").asText("").trim());
	}

	private String searchedSince(DelegateExecution execution) {
		Object last = execution.getVariable(OPARL_PAPERS_SEARCHED_AT);
		Instant since;
		if (last instanceof String text && !text.isBlank()) {
			// a few minutes back: the clocks of the two systems may differ a little
			since = Instant.parse(text).minus(10, ChronoUnit.MINUTES);
		}
		else {
			Date started = startOf(execution);
			since = ((started != null) ? started.toInstant() : EngineClock.now().toInstant())
				.minus(SEARCH_DAYS_BEFORE_START, ChronoUnit.DAYS);
		}
		// as the specification writes it: with seconds and the offset
		return since.atZone(Dates.ZONE).format(MODIFIED_SINCE);
	}

	private static Date startOf(DelegateExecution execution) {
		HistoricProcessInstance instance = execution.getProcessEngineServices()
			.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.singleResult();
		return (instance != null) ? instance.getStartTime() : null;
	}

	/** The municipality's body: the only one of the system, or the one with its name. */
	private JsonNode body(OParlClient client, DelegateExecution execution, String system) {
		String bodies = client.object(system).path("body").asText(null);
		if (bodies == null || bodies.isBlank()) {
			throw new OParlException("OParl system " + system + " names no 'body' list");
		}
		String name = this.municipalities.nameOf(execution.getTenantId());
		List<JsonNode> all = new ArrayList<>();
		Optional<JsonNode> named = client.find(bodies, (body) -> {
			all.add(body);
			return name.equalsIgnoreCase(body.path("name").asText(""));
		});
		if (named.isPresent()) {
			return named.get();
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		throw new OParlException(
				"OParl system " + system + " has " + all.size() + " bodies and none is named '" + name + "'");
	}

	/**
	 * A consultation of the paper with its meeting.
	 *
	 * @param agendaItem the address of its agenda item
	 * @param meeting the meeting, or null when the consultation names none
	 * @param day the meeting's day in Berlin, or null when unknown
	 * @param authoritative whether the consultation is the one that decides
	 * ({@code authoritative} in OParl)
	 */
	private record Consultation(String agendaItem, JsonNode meeting, LocalDate day, boolean authoritative) {

		/**
		 * Which of two consultations this round waits for: the one on the day the office
		 * scheduled, then the authoritative one, then the earlier one.
		 */
		static Comparator<Consultation> preferred(LocalDate scheduled) {
			return Comparator
				.comparing((Consultation consultation) -> scheduled == null || !scheduled.equals(consultation.day()))
				.thenComparing((consultation) -> !consultation.authoritative())
				.thenComparing(Consultation::day, Comparator.nullsLast(Comparator.naturalOrder()));
		}

	}

	/**
	 * The paper's consultation in the committee that this round waits for: its agenda
	 * item was not recorded yet (a result recorded by hand counts too), and its meeting
	 * is not older than the meeting the office scheduled (a postponed or deferred item
	 * comes back with a new agenda item in a later meeting). Of several, the one on the
	 * scheduled day, then the authoritative one, then the earliest.
	 */
	private Optional<Consultation> consultationIn(OParlClient client, DelegateExecution execution, JsonNode paper,
			String committee) {
		Set<String> recorded = recordedAgendaItems(execution);
		// the meeting the office scheduled: preferred; after a session of this committee
		// (postponed, deferred), older meetings belong to an earlier round
		LocalDate scheduled = Dates.day(execution.getVariable(MEETING_DATE));
		boolean laterRound = sessions(execution).anyMatch((session) -> committee.equals(session.committeeName()));
		Map<String, Boolean> organizations = new HashMap<>();
		Consultation preferred = null;
		for (JsonNode entry : paper.path("consultation")) {
			JsonNode consultation = entry.isTextual() ? client.object(entry.asText()) : entry;
			String agendaItem = consultation.path("agendaItem").asText("");
			String meetingUrl = consultation.path("meeting").asText("");
			if (agendaItem.isBlank() && meetingUrl.isBlank()) {
				continue;
			}
			JsonNode meeting = meetingUrl.isBlank() ? null : client.objectUnlessGone(meetingUrl).orElse(null);
			if (agendaItem.isBlank() && meeting != null) {
				// some servers name the agenda item only in the meeting
				agendaItem = agendaItemOf(client, meeting, consultation.path("id").asText(""));
			}
			if (agendaItem.isBlank() || recorded.contains(agendaItem)) {
				continue;
			}
			// OParl allows a consultation without organization: the meeting's then
			JsonNode committees = (consultation.has("organization") || meeting == null)
					? consultation.path("organization") : meeting.path("organization");
			boolean inCommittee = false;
			for (JsonNode organization : committees) {
				inCommittee |= organizations.computeIfAbsent(organization.asText(),
						(url) -> names(client.object(url), committee));
			}
			Consultation candidate = new Consultation(agendaItem, meeting,
					(meeting != null) ? day(text(meeting, "start")) : null,
					consultation.path("authoritative").asBoolean(false));
			boolean tooOld = laterRound && scheduled != null && candidate.day() != null
					&& candidate.day().isBefore(scheduled.minusDays(MEETING_TOLERANCE_DAYS));
			if (inCommittee && !tooOld
					&& (preferred == null || Consultation.preferred(scheduled).compare(candidate, preferred) < 0)) {
				preferred = candidate;
			}
		}
		return Optional.ofNullable(preferred);
	}

	/**
	 * The address of the meeting's agenda item that belongs to the consultation, or "".
	 */
	private static String agendaItemOf(OParlClient client, JsonNode meeting, String consultation) {
		if (consultation.isBlank()) {
			return "";
		}
		for (JsonNode entry : meeting.path("agendaItem")) {
			JsonNode item = client.embeddedOrRead(entry);
			if (consultation.equals(item.path("consultation").asText(""))) {
				return item.path("id").asText("");
			}
		}
		return "";
	}

	private static boolean names(JsonNode organization, String committee) {
		String wanted = normalized(committee);
		return wanted.equals(normalized(organization.path("name").asText("")))
				|| wanted.equals(normalized(organization.path("shortName").asText("")));
	}

	private static Set<String> recordedAgendaItems(DelegateExecution execution) {
		return sessions(execution).map(Session::agendaItem).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	private static Stream<Session> sessions(DelegateExecution execution) {
		return ProcessRecords.records(execution, RESULTS).stream().map(Session::from);
	}

	/**
	 * Nothing yet: look again, unless the result was due already; then the office
	 * decides.
	 */
	private static void pendingUntilDue(DelegateExecution execution, String note) {
		Object due = execution.getVariable(RESULT_DUE_DATE);
		boolean meetingKnown = execution.getVariable(MEETING_DATE) != null;
		if (meetingKnown && due instanceof Date date && EngineClock.now().after(date)) {
			unclear(execution, note + " Das Ergebnis war bis " + Dates.german(Dates.day(date))
					+ " fällig; bitte erfassen Sie es von Hand.", null);
			return;
		}
		execution.setVariable(COUNCIL_SYSTEM_STATUS, PENDING);
	}

	private static void unclear(DelegateExecution execution, String note, String resolutionText) {
		execution.setVariable(COUNCIL_SYSTEM_STATUS, UNCLEAR);
		// shown in a form's text view: the paper's reference and the system's words as
		// text
		execution.setVariable(COUNCIL_SYSTEM_NOTE, FormText.plain(note));
		if (resolutionText != null) {
			execution.setVariable(RESOLUTION_TEXT, resolutionText);
		}
		log.info("Committee result of process instance {} goes to the committee office: {}",
				execution.getProcessInstanceId(), note);
	}

	private static String withQuery(String url, String name, String value) {
		return url + (url.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.asText().isBlank()) ? null : value.asText().trim();
	}

	/** The day in Berlin of an OParl date-time, or null. */
	private static LocalDate day(String dateTime) {
		if (dateTime == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(dateTime).atZoneSameInstant(Dates.ZONE).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Text from the council information system as plain text in a form's Markdown. */
	static String plain(String text) {
		return text.replaceAll("[\\\\`*_{}\\[\\]()<>#+!|~-]", " ").replaceAll("\\s+", " ").trim();
	}

	static String normalized(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC)
			.trim()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.GERMAN);
	}

}
