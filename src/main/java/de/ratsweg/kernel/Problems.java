package de.ratsweg.kernel;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How Ratsweg's own endpoints answer an error: a problem detail (RFC 9457,
 * {@code application/problem+json}) with a German title and the German sentence for the
 * user in {@code detail}. The engine's REST API keeps Camunda's own shape, which Tasklist
 * reads.
 */
public final class Problems {

	private static final Map<HttpStatus, String> TITLES = Map.of(HttpStatus.BAD_REQUEST, "Ungültige Angaben",
			HttpStatus.UNAUTHORIZED, "Anmeldung erforderlich", HttpStatus.FORBIDDEN, "Nicht erlaubt",
			HttpStatus.NOT_FOUND, "Nicht gefunden", HttpStatus.NOT_ACCEPTABLE, "Format nicht verfügbar",
			HttpStatus.CONFLICT, "Konflikt");

	private Problems() {
	}

	/**
	 * The answer with that status and the German sentence, always as JSON (also when the
	 * request asked for a PDF).
	 */
	public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(TITLES.getOrDefault(status, status.getReasonPhrase()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
