package de.ratsweg.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users, one per role, with the password listed in the README. They exist only
 * in the demo profile; outside it {@link FirstAdministrator} removes them.
 */
@Component
@Profile(DemoUsers.PROFILE)
class DemoUsers implements SmartInitializingSingleton {

	static final String PROFILE = "demo";

	static final String PASSWORD = "Ratsweg-Demo-2026";

	/**
	 * Marks the demo users, so that they can be told from real users with the same id.
	 */
	static final String EMAIL_DOMAIN = "demo.ratsweg.de";

	static final String ADMIN = "akoch";

	static final String STAFF = "mmueller";

	static final String BOARD_MEMBER = "bschneider";

	static final String COMMITTEE_OFFICE = "kweber";

	static final String SECOND_BOARD_MEMBER = "dlange";

	static final String MAYOR = "hbecker";

	static final String BOARD_OFFICE = "lfischer";

	static final String TREASURY = "tschulz";

	static final String IT = "jwagner";

	static final String DATA_PROTECTION = "shoffmann";

	static final String URBAN_DEVELOPMENT = "pmeyer";

	static final String ENVIRONMENT = "nschmitz";

	static final String CHIEF_DIGITAL_OFFICER = "ckrause";

	static final List<DemoUser> ROSTER = List.of(new DemoUser(ADMIN, "Anna", "Koch", List.of(RatswegGroups.ADMIN)),
			new DemoUser(STAFF, "Maria", "Müller", List.of(RatswegGroups.STAFF)),
			new DemoUser(BOARD_MEMBER, "Bernd", "Schneider", List.of(RatswegGroups.BOARD)),
			new DemoUser(COMMITTEE_OFFICE, "Katrin", "Weber", List.of(RatswegGroups.COMMITTEE_OFFICE)),
			new DemoUser(SECOND_BOARD_MEMBER, "Dirk", "Lange", List.of(RatswegGroups.BOARD)),
			// The mayor chairs the board: a member of both groups.
			new DemoUser(MAYOR, "Heike", "Becker", List.of(RatswegGroups.MAYOR, RatswegGroups.BOARD)),
			new DemoUser(BOARD_OFFICE, "Lena", "Fischer", List.of(RatswegGroups.BOARD_OFFICE)),
			new DemoUser(TREASURY, "Thomas", "Schulz", List.of(RatswegGroups.TREASURY)),
			new DemoUser(IT, "Jonas", "Wagner", List.of(RatswegGroups.IT)),
			new DemoUser(DATA_PROTECTION, "Sabine", "Hoffmann", List.of(RatswegGroups.DATA_PROTECTION)),
			new DemoUser(URBAN_DEVELOPMENT, "Peter", "Meyer", List.of(RatswegGroups.URBAN_DEVELOPMENT)),
			new DemoUser(ENVIRONMENT, "Nina", "Schmitz", List.of(RatswegGroups.ENVIRONMENT)),
			new DemoUser(CHIEF_DIGITAL_OFFICER, "Claudia", "Krause", List.of(RatswegGroups.CHIEF_DIGITAL_OFFICER)));

	static final List<String> USER_IDS = ROSTER.stream().map(DemoUser::id).toList();

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentitySetup identitySetup;

	private final WorkGroups workGroups;

	private final String databaseUrl;

	DemoUsers(IdentitySetup identitySetup, WorkGroups workGroups,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		this.identitySetup = identitySetup;
		this.workGroups = workGroups;
		this.databaseUrl = databaseUrl;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.databaseUrl.startsWith("jdbc:h2:")) {
			// The demo profile is the default: a production database reached without
			// choosing a
			// profile must not get users whose passwords are printed in the README.
			throw new StartupRefusedException(
					"The demo profile (active because no profile was chosen) creates "
							+ "users with public passwords and runs only on the embedded H2 database, not on "
							+ this.databaseUrl.replaceAll("\\?.*", "") + ".",
					"Start with SPRING_PROFILES_ACTIVE=postgres (see README, \"Running in production\").");
		}
		this.workGroups.ensure();
		for (DemoUser user : ROSTER) {
			create(user);
		}
	}

	private void create(DemoUser user) {
		create(this.identitySetup, user);
	}

	/**
	 * Creates the demo user (if missing) with its memberships.
	 */
	static void create(IdentitySetup identitySetup, DemoUser user) {
		if (identitySetup.ensureUser(user.id(), PASSWORD, user.firstName(), user.lastName(),
				user.id() + "@" + EMAIL_DOMAIN)) {
			log.info("Created demo user '{}' ({} {}, groups {})", user.id(), user.firstName(), user.lastName(),
					user.groups());
		}
		for (String group : user.groups()) {
			identitySetup.ensureMembership(user.id(), group);
		}
	}

	/**
	 * A demo user: one per group, the mayor also on the board.
	 */
	record DemoUser(String id, String firstName, String lastName, List<String> groups) {
	}

}
