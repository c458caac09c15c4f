package de.ratsweg.committee;

/**
 * The council information system could not be read (unreachable, an error, malformed
 * data). The look-up is tried again; after its retries it is an incident.
 */
class OParlException extends RuntimeException {

	OParlException(String message) {
		super(message);
	}

	OParlException(String message, Throwable cause) {
		super(message, cause);
	}

}
