package de.ratsweg.substitution;

import org.springframework.http.HttpStatus;

/**
 * An absence that cannot be recorded or removed, with the German reason users read.
 */
class AbsenceRefusedException extends RuntimeException {

	private final HttpStatus status;

	AbsenceRefusedException(HttpStatus status, String germanMessage) {
		super(germanMessage);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
