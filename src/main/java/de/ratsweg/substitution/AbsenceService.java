package de.ratsweg.substitution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.RatswegUser;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * Absences and substitution (Vertretung). While a user is away, every task assigned to
 * them that their substitute may do is offered to the substitute as well (candidate
 * user); when the absence ends, that offer is withdrawn again. Mails about the user's
 * tasks go to the substitute too, and history records what the substitute completed on
 * the user's behalf ({@link SubstitutionListener}).
 *
 * <p>
 * A substitute must belong to the same municipality and share one of the user's roles
 * (work groups); a task is handed over only when the substitute is in one of its groups.
 * Personal tasks (a board member's vote) are never handed over.
 */
@Service
public class AbsenceService implements Substitutes {

	private static final Logger log = LoggerFactory.getLogger(AbsenceService.class);

	/** How long ended absences stay in the lists. */
	private static final int DAYS_SHOWN_AFTER_END = 30;

	private final Absences absences;

	private final IdentityService identityService;

	private final TaskService taskService;

	private final ProcessEngine engine;

	private final AbsenceSchedule schedule;

	private final Municipalities municipalities;

	AbsenceService(Absences absences, ProcessEngine engine, Municipalities municipalities, AbsenceSchedule schedule) {
		this.absences = absences;
		this.identityService = engine.getIdentityService();
		this.taskService = engine.getTaskService();
		this.engine = engine;
		this.schedule = schedule;
		this.municipalities = municipalities;
	}

	/**
	 * What someone asks to record.
	 *
	 * @param userId who is away (empty: the one asking)
	 * @param substituteId who stands in
	 * @param firstDay the first day away
	 * @param lastDay the last day away
	 * @param note a remark
	 */
	public record Request(String userId, String substituteId, LocalDate firstDay, LocalDate lastDay, String note) {
	}

	/** A task handed over (or not, with the reason). */
	public record TaskRef(String taskId, String name, String reason) implements java.io.Serializable {
	}

	/**
	 * A recorded absence with what happened to the user's current tasks (nothing yet when
	 * the absence starts later).
	 */
	public record Recorded(Absence absence, List<TaskRef> handedOver,
			List<TaskRef> notHandedOver) implements java.io.Serializable {
	}

	/** One absence as a list shows it. */
	public record Listed(Absence absence, String userName, String substituteName, String state) {
	}

	// --- reading ---------------------------------------------------------------------

	/**
	 * The absences the user sees: their own and those in which they stand in;
	 * administrators see all. Ended ones stay for 30 days.
	 */
	@Transactional(readOnly = true)
	public List<Listed> visibleTo(String actorId) {
		LocalDate from = today().minusDays(DAYS_SHOWN_AFTER_END);
		List<Absence> found;
		if (isAdministrator(actorId)) {
			found = this.absences.all(from);
		}
		else {
			found = new ArrayList<>(this.absences.ofUser(actorId, from));
			found.addAll(this.absences.ofSubstitute(actorId, from));
		}
		LocalDate today = today();
		return found.stream()
			.map((absence) -> new Listed(absence, nameOf(absence.userId()), nameOf(absence.substituteId()),
					absence.covers(today) ? "läuft" : absence.lastDay().isBefore(today) ? "beendet" : "geplant"))
			.toList();
	}

	/**
	 * The colleagues who may stand in for the user: same municipality, at least one
	 * shared role.
	 */
	@Transactional(readOnly = true)
	public List<User> possibleSubstitutes(String userId) {
		String tenantId = tenantOf(userId);
		Set<String> roles = rolesOf(userId);
		if (tenantId == null || roles.isEmpty()) {
			return List.of();
		}
		return this.identityService.createUserQuery()
			.memberOfTenant(tenantId)
			.orderByUserLastName()
			.asc()
			.unlimitedList()
			.stream()
			.filter((user) -> !user.getId().equals(userId))
			.filter((user) -> rolesOf(user.getId()).stream().anyMatch(roles::contains))
			.toList();
	}

	/** The users an administrator may record an absence for (all in a municipality). */
	@Transactional(readOnly = true)
	public List<User> usersInMunicipalities() {
		return this.identityService.createUserQuery()
			.orderByUserLastName()
			.asc()
			.unlimitedList()
			.stream()
			.filter((user) -> tenantOf(user.getId()) != null)
			.toList();
	}

	public boolean isAdministrator(String userId) {
		return RatswegUser.isAdmin(this.identityService, userId);
	}

	// --- recording -------------------------------------------------------------------

	/**
	 * Records the absence after checking it, hands the user's tasks over if it has begun
	 * and sets the timers for its start and end.
	 * @throws AbsenceRefusedException with the German reason when it cannot be recorded
	 */
	@Transactional
	public Recorded record(String actorId, Request request) {
		String userId = blankToNull(request.userId()) != null ? request.userId().strip() : actorId;
		if (!userId.equals(actorId) && !isAdministrator(actorId)) {
			throw new AbsenceRefusedException(HttpStatus.FORBIDDEN,
					"Sie können nur Ihre eigene Abwesenheit eintragen; für andere trägt die Administration sie ein.");
		}
		User user = user(userId, "Die abwesende Person „%s“ gibt es nicht.");
		String substituteId = blankToNull(request.substituteId());
		if (substituteId == null) {
			throw refused(AbsenceInputRules.NO_SUBSTITUTE);
		}
		String tenantId = tenantOf(userId);
		if (tenantId == null) {
			throw refused(
					"%s gehört zu keiner Stadt (oder zu mehreren) und hat daher keine Aufgaben, die jemand vertreten könnte."
						.formatted(UserDirectory.fullName(user)));
		}
		// Someone of another municipality is refused like someone who does not exist:
		// nobody learns who works elsewhere.
		User substitute = this.identityService.createUserQuery()
			.userId(substituteId.strip())
			.memberOfTenant(tenantId)
			.singleResult();
		if (substitute == null) {
			throw refused("Eine Vertretung „%s“ gibt es in der %s nicht. Bitte eine Person aus der Liste auswählen."
				.formatted(substituteId.strip(), this.municipalities.nameOf(tenantId)));
		}
		if (substitute.getId().equals(userId)) {
			throw refused("Niemand kann sich selbst vertreten. Bitte eine andere Person auswählen.");
		}
		LocalDate first = request.firstDay();
		LocalDate last = request.lastDay();
		if (first == null || last == null) {
			throw refused(AbsenceInputRules.NO_DAYS);
		}
		if (!AbsenceInputRules.inOrder(first, last)) {
			throw refused(AbsenceInputRules.DAYS_NOT_IN_ORDER);
		}
		if (last.isBefore(today())) {
			throw refused("Die Abwesenheit liegt ganz in der Vergangenheit und kann nicht mehr eingetragen werden.");
		}
		Set<String> roles = rolesOf(userId);
		if (rolesOf(substitute.getId()).stream().noneMatch(roles::contains)) {
			throw refused("%s hat keine Rolle von %s (%s) und kann die Aufgaben daher nicht übernehmen.".formatted(
					UserDirectory.fullName(substitute), UserDirectory.fullName(user),
					roles.stream().map(RatswegGroups::nameOf).collect(Collectors.joining(", "))));
		}
		for (Absence existing : this.absences.ofUser(userId, today())) {
			if (existing.overlaps(first, last)) {
				throw refused("Für %s ist vom %s bis %s bereits eine Abwesenheit eingetragen (Vertretung: %s)."
					.formatted(UserDirectory.fullName(user), Dates.german(existing.firstDay()),
							Dates.german(existing.lastDay()), nameOf(existing.substituteId())));
			}
		}
		String note = blankToNull(request.note());
		if (note != null && note.length() > AbsenceInputRules.NOTE_LENGTH) {
			throw refused(AbsenceInputRules.NOTE_TOO_LONG);
		}
		Absence absence = new Absence(UUID.randomUUID().toString(), userId, substitute.getId(), tenantId, first, last,
				note, actorId, EngineClock.now().toInstant());
		this.absences.insert(absence);
		this.schedule.plan(absence);
		log.info("Absence {} recorded by '{}': '{}' away {} to {}, substitute '{}'", absence.id(), actorId, userId,
				first, last, substitute.getId());
		if (absence.covers(today())) {
			reconcile(absence.userId(), absence.tenantId());
			return report(absence);
		}
		return new Recorded(absence, List.of(), List.of());
	}

	/**
	 * Removes an absence: the substitute no longer sees the user's tasks.
	 */
	@Transactional
	public void cancel(String actorId, String absenceId) {
		Absence absence = this.absences.find(absenceId)
			.orElseThrow(
					() -> new AbsenceRefusedException(HttpStatus.NOT_FOUND, "Diese Abwesenheit gibt es nicht (mehr)."));
		if (!absence.userId().equals(actorId) && !isAdministrator(actorId)) {
			throw new AbsenceRefusedException(HttpStatus.FORBIDDEN,
					"Sie können nur Ihre eigene Abwesenheit löschen; für andere löscht die Administration sie.");
		}
		this.schedule.cancel(absence);
		this.absences.delete(absence.id());
		reconcile(absence.userId(), absence.tenantId());
		log.info("Absence {} of '{}' removed by '{}'", absence.id(), absence.userId(), actorId);
	}

	// --- the engine's side -----------------------------------------------------------

	/**
	 * Whether the user is away today in the municipality: one look-up, before anything
	 * about the task is read.
	 */
	boolean isAway(String userId, String tenantId) {
		if (userId == null || tenantId == null) {
			return false;
		}
		LocalDate today = today();
		return this.absences.ofUser(userId, today)
			.stream()
			.anyMatch((absence) -> absence.covers(today) && tenantId.equals(absence.tenantId()));
	}

	@Override
	public List<String> standingInFor(String userId, String tenantId, Collection<String> taskGroups) {
		// Only tasks of a municipality and of a group are handed over: no guessing who of
		// which city may do a task that names neither.
		if (userId == null || tenantId == null || taskGroups.isEmpty()) {
			return List.of();
		}
		LocalDate today = today();
		return this.absences.ofUser(userId, today)
			.stream()
			.filter((absence) -> absence.covers(today))
			.filter((absence) -> tenantId.equals(absence.tenantId()))
			.map(Absence::substituteId)
			.filter((substitute) -> mayDo(substitute, tenantId, taskGroups))
			.distinct()
			.toList();
	}

	/**
	 * What became of the user's current tasks for the new absence's substitute.
	 */
	private Recorded report(Absence absence) {
		List<TaskRef> handedOver = new ArrayList<>();
		List<TaskRef> notHandedOver = new ArrayList<>();
		for (Task task : tasksOf(absence.userId(), absence.tenantId())) {
			List<String> groups = SubstitutedTask.of(task, this.engine).candidateGroups();
			if (groups.isEmpty()) {
				notHandedOver.add(new TaskRef(task.getId(), task.getName(),
						"persönliche Aufgabe (z. B. eine Stimme im Umlaufverfahren), nicht vertretbar"));
			}
			else if (!mayDo(absence.substituteId(), absence.tenantId(), groups)) {
				notHandedOver.add(new TaskRef(task.getId(), task.getName(), "die Vertretung gehört keiner der Gruppen "
						+ groups.stream().map(RatswegGroups::nameOf).collect(Collectors.joining(", ")) + " an"));
			}
			else {
				handedOver.add(new TaskRef(task.getId(), task.getName(), null));
			}
		}
		log.info("Absence {}: {} tasks of '{}' offered to '{}', {} not", absence.id(), handedOver.size(),
				absence.userId(), absence.substituteId(), notHandedOver.size());
		return new Recorded(absence, handedOver, notHandedOver);
	}

	/**
	 * Brings every task assigned to the user in line with the user's absences of today:
	 * offered to today's substitutes, and to nobody else Ratsweg once offered it to. The
	 * same whichever timer, recording or removal calls it, and however often.
	 */
	void reconcile(String userId, String tenantId) {
		for (Task task : tasksOf(userId, tenantId)) {
			reconcile(SubstitutedTask.of(task, this.engine));
		}
	}

	/**
	 * Brings one task in line with the absences of its assignee today.
	 */
	void reconcile(SubstitutedTask task) {
		List<String> groups = task.candidateGroups();
		List<String> wanted = standingInFor(task.assignee(), task.tenantId(), groups);
		List<String> offered = task.offeredToSubstitutes();
		List<String> nowOffered = new ArrayList<>();
		for (String substitute : wanted) {
			if (offered.contains(substitute)) {
				nowOffered.add(substitute);
			}
			else if (!task.candidateUsers().contains(substitute)) {
				task.addCandidateUser(substitute);
				nowOffered.add(substitute);
			}
		}
		for (String substitute : offered) {
			if (!wanted.contains(substitute)) {
				task.withdrawFrom(substitute);
			}
		}
		if (!nowOffered.equals(offered)) {
			task.setOfferedToSubstitutes(nowOffered);
		}
	}

	Absence find(String absenceId) {
		return this.absences.find(absenceId).orElse(null);
	}

	private List<Task> tasksOf(String userId, String tenantId) {
		return this.taskService.createTaskQuery()
			.taskAssignee(userId)
			.tenantIdIn(tenantId)
			.orderByTaskId()
			.asc()
			.unlimitedList();
	}

	private boolean mayDo(String userId, String tenantId, Collection<String> groups) {
		return memberOfTenant(userId, tenantId) && rolesOf(userId).stream().anyMatch(groups::contains);
	}

	private boolean memberOfTenant(String userId, String tenantId) {
		return this.identityService.createTenantQuery().userMember(userId).tenantId(tenantId).count() > 0;
	}

	/** The user's single municipality, or null (none or several). */
	private String tenantOf(String userId) {
		List<String> tenants = UserDirectory.municipalitiesOf(this.identityService, userId);
		return (tenants.size() == 1) ? tenants.get(0) : null;
	}

	private Set<String> rolesOf(String userId) {
		return Set.copyOf(UserDirectory.workGroupsOf(this.identityService, userId));
	}

	private User user(String userId, String missing) {
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			throw refused(missing.formatted(userId));
		}
		return user;
	}

	String nameOf(String userId) {
		return UserDirectory.fullName(this.identityService, userId);
	}

	private static LocalDate today() {
		return Dates.today();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static AbsenceRefusedException refused(String message) {
		return new AbsenceRefusedException(HttpStatus.BAD_REQUEST, message);
	}

}
