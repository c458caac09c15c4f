package de.ratsweg.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.startup.StartupStep;

/**
 * Outside the demo profile: creates the first administrator from environment variables,
 * refuses to start without one or with a well-known password, and removes demo users
 * whose passwords are public.
 */
@Component
@Profile("!" + DemoAccounts.PROFILE)
// With the city's directory as identity source, people come from there
// (identity/DirectoryIdentity).
@ConditionalOnProperty(name = "ratsweg.identity.directory.enabled", havingValue = "false", matchIfMissing = true)
class FirstAdministrator implements StartupStep {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("admin", "administrator", "password", "passwort",
			"demo", "changeme", "change-me", "secret", "geheim", "camunda", "ratsweg", "123456789012",
			DemoAccounts.PASSWORD.toLowerCase(Locale.ROOT));

	private static final String ACTION = "Set the environment variable RATSWEG_ADMIN_PASSWORD (and RATSWEG_ADMIN_USER "
			+ "if the administrator should not be called 'admin') and start Ratsweg again.";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AdminProperties properties;

	private final IdentitySetup identitySetup;

	FirstAdministrator(AdminProperties properties, IdentitySetup identitySetup) {
		this.properties = properties;
		this.identitySetup = identitySetup;
	}

	@Override
	public Stage stage() {
		return Stage.USERS;
	}

	@Override
	public String description() {
		return "first administrator (RATSWEG_ADMIN_USER), demo users removed";
	}

	@Override
	public void run() {
		String password = this.properties.password();
		boolean passwordGiven = password != null && !password.isBlank();
		if (passwordGiven) {
			String weakness = weakness(this.properties.userId(), password);
			if (weakness != null) {
				throw new StartupRefusedException("RATSWEG_ADMIN_PASSWORD is refused: " + weakness
						+ ". Choose a password of your own with at least " + MINIMUM_PASSWORD_LENGTH + " characters.",
						ACTION);
			}
		}
		removeDemoUsers();
		String userId = this.properties.userId();
		if (passwordGiven && !this.identitySetup.userExists(userId)) {
			List<String> violations = this.identitySetup.passwordPolicyViolations(userId, password,
					this.properties.firstName(), this.properties.lastName(), this.properties.email());
			if (!violations.isEmpty()) {
				throw new StartupRefusedException(
						"RATSWEG_ADMIN_PASSWORD is refused: it breaks the password policy "
								+ "(at least 10 characters with upper and lower case letters, a digit and a special "
								+ "character, none of the user's own data): " + String.join(", ", violations) + ".",
						ACTION);
			}
			this.identitySetup.ensureUser(userId, password, this.properties.firstName(), this.properties.lastName(),
					this.properties.email());
			this.identitySetup.ensureMembership(userId, RatswegGroups.ADMIN);
			log.info("Created administrator '{}' from RATSWEG_ADMIN_USER/RATSWEG_ADMIN_PASSWORD", userId);
		}
		// An existing user is left alone (an administrator may have changed it in Camunda
		// Admin),
		// and never made an administrator behind its owner's back.
		if (this.identitySetup.administratorCount() == 0) {
			throw new StartupRefusedException(this.identitySetup.userExists(userId)
					? "No administrator exists, and the user '" + userId + "' named by RATSWEG_ADMIN_USER exists "
							+ "but is not a member of camunda-admin. Name a new user in RATSWEG_ADMIN_USER."
					: "No administrator exists yet. Set RATSWEG_ADMIN_PASSWORD (and optionally "
							+ "RATSWEG_ADMIN_USER) to create the first one, or start with the demo profile.",
					ACTION);
		}
	}

	private void removeDemoUsers() {
		// Only users that carry the demo marker: a real colleague may have the same user
		// id.
		for (String userId : this.identitySetup.demoUserIds()) {
			if (!userId.equals(this.properties.userId())) {
				this.identitySetup.deleteUser(userId);
				log.warn("Removed demo user '{}': its password is public and the demo profile is not active", userId);
			}
		}
	}

	/**
	 * @return why the password must not be used, or {@code null} when it may
	 */
	static String weakness(String userId, String password) {
		if (password.length() < MINIMUM_PASSWORD_LENGTH) {
			return "it is shorter than " + MINIMUM_PASSWORD_LENGTH + " characters";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (WELL_KNOWN_PASSWORDS.contains(lower)) {
			return "it is a well-known default password";
		}
		if (lower.contains(userId.toLowerCase(Locale.ROOT))) {
			return "it contains the user id";
		}
		return null;
	}

}
