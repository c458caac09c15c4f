package de.ratsweg.security;

/**
 * Start-up refused: no administrator can be created from the environment.
 */
class FirstAdministratorException extends RuntimeException {

	FirstAdministratorException(String message) {
		super(message);
	}

}
