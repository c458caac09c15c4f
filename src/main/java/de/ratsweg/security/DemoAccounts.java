package de.ratsweg.security;

/**
 * What security knows of the demo ({@code demo/DemoUsers}): the profile that creates its
 * users, their public password (refused for real accounts) and the e-mail domain that
 * marks them (they are removed when Ratsweg starts without the demo profile).
 */
public final class DemoAccounts {

	/** The demo profile, active when no profile is chosen. */
	public static final String PROFILE = "demo";

	/** The password of every demo user, printed in the README. */
	public static final String PASSWORD = "Ratsweg-Demo-2026";

	/** The e-mail domain of the demo users: what marks a user as one of them. */
	public static final String EMAIL_DOMAIN = "demo.ratsweg.de";

	private DemoAccounts() {
	}

}
