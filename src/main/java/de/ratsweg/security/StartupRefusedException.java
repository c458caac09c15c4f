package de.ratsweg.security;

/**
 * Start-up refused for a security reason the operator can fix: no administrator, a
 * well-known password, demo users on a production database.
 *
 * @see StartupRefusedFailureAnalyzer
 */
class StartupRefusedException extends RuntimeException {

	private final String action;

	StartupRefusedException(String message, String action) {
		super(message);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
