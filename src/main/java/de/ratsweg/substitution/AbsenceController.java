package de.ratsweg.substitution;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.ratsweg.kernel.Problems;
import de.ratsweg.security.UserDirectory;

/**
 * Absences over HTTP (HTTP Basic, like the engine's REST API):
 * <ul>
 * <li>{@code GET /api/absences}: the caller's absences and those in which they stand in
 * (administrators: all);</li>
 * <li>{@code POST /api/absences}: record one, e.g.
 * {@code {"substituteId":"dlange","firstDay":"2026-12-01","lastDay":"2026-12-05"}}
 * ({@code userId} only for administrators); answers 201 with the tasks handed over;</li>
 * <li>{@code DELETE /api/absences/{id}}: remove one;</li>
 * <li>{@code GET /api/absences/substitutes}: who may stand in for the caller (or, for
 * administrators, for {@code userId}).</li>
 * </ul>
 * Refusals are 400, 403 or 404 as a {@link ProblemDetail} with the German reason as
 * {@code detail}. What the input itself must be (a substitute, both days in order, a
 * short note) is checked by its constraints before the service sees it; who may record
 * whose absence, and whom, the service checks against the engine.
 */
@RestController
@RequestMapping("/api/absences")
class AbsenceController {

	private static final Logger log = LoggerFactory.getLogger(AbsenceController.class);

	private final AbsenceService absences;

	AbsenceController(AbsenceService absences) {
		this.absences = absences;
	}

	record AbsenceInput(String userId, @NotBlank(message = AbsenceInputRules.NO_SUBSTITUTE) String substituteId,
			@NotNull(message = AbsenceInputRules.NO_DAYS) LocalDate firstDay,
			@NotNull(message = AbsenceInputRules.NO_DAYS) LocalDate lastDay,
			@Size(max = AbsenceInputRules.NOTE_LENGTH, message = AbsenceInputRules.NOTE_TOO_LONG) String note) {

		@AssertTrue(message = AbsenceInputRules.DAYS_NOT_IN_ORDER)
		boolean isInOrder() {
			return AbsenceInputRules.inOrder(this.firstDay, this.lastDay);
		}

	}

	record AbsenceView(String id, String userId, String userName, String substituteId, String substituteName,
			String tenantId, LocalDate firstDay, LocalDate lastDay, String note, String state, String recordedBy) {

		static AbsenceView of(AbsenceService.Listed listed) {
			Absence absence = listed.absence();
			return new AbsenceView(absence.id(), absence.userId(), listed.userName(), absence.substituteId(),
					listed.substituteName(), absence.tenantId(), absence.firstDay(), absence.lastDay(), absence.note(),
					listed.state(), absence.recordedBy());
		}

	}

	record Person(String id, String name) {
	}

	@GetMapping
	List<AbsenceView> list(Principal principal) {
		return this.absences.visibleTo(principal.getName()).stream().map(AbsenceView::of).toList();
	}

	@PostMapping
	ResponseEntity<AbsenceService.Recorded> record(Principal principal, @Valid @RequestBody AbsenceInput input) {
		AbsenceService.Recorded recorded = this.absences.record(principal.getName(), new AbsenceService.Request(
				input.userId(), input.substituteId(), input.firstDay(), input.lastDay(), input.note()));
		return ResponseEntity.created(URI.create("/api/absences/" + recorded.absence().id())).body(recorded);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(Principal principal, @PathVariable String id) {
		this.absences.cancel(principal.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/substitutes")
	List<Person> substitutes(Principal principal, @RequestParam(required = false) String userId) {
		String forUser = (userId != null && !userId.isBlank()) ? userId : principal.getName();
		if (!forUser.equals(principal.getName()) && !this.absences.isAdministrator(principal.getName())) {
			throw new AbsenceRefusedException(HttpStatus.FORBIDDEN,
					"Nur die Administration sieht, wer andere vertreten kann.");
		}
		return this.absences.possibleSubstitutes(forUser)
			.stream()
			.map((user) -> new Person(user.getId(), UserDirectory.fullName(user)))
			.toList();
	}

	@ExceptionHandler(AbsenceRefusedException.class)
	ResponseEntity<ProblemDetail> refused(AbsenceRefusedException ex) {
		log.info("Absence refused ({}): {}", ex.status().value(), ex.getMessage());
		return problem(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		String detail = AbsenceInputRules.messages(ex.getBindingResult());
		log.info("Absence refused (400): {}", detail);
		return problem(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		log.info("Unreadable absence request: {}", ex.getMostSpecificCause().getMessage());
		return problem(HttpStatus.BAD_REQUEST,
				"Die Angaben sind unvollständig oder unlesbar: Daten bitte als JJJJ-MM-TT, "
						+ "z. B. {\"substituteId\":\"dlange\",\"firstDay\":\"2026-12-01\",\"lastDay\":\"2026-12-05\"}.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return Problems.answer(status, detail);
	}

}
