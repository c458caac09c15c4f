package de.ratsweg.security;

/**
 * Start-up refused for a security reason the operator can fix: no administrator, a
 * well-known password, demo users on a production database.
 *
 * @see StartupRefusedFailureAnalyzer
 */
public class StartupRefusedException extends RuntimeException {

	private final String action;

	public StartupRefusedException(String message, String action) {
		super(message);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
