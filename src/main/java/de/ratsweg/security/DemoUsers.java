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

	static final List<String> USER_IDS = List.of(ADMIN, STAFF, BOARD_MEMBER, COMMITTEE_OFFICE, SECOND_BOARD_MEMBER,
			MAYOR, BOARD_OFFICE, TREASURY, IT, DATA_PROTECTION, URBAN_DEVELOPMENT, ENVIRONMENT, CHIEF_DIGITAL_OFFICER);

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
		create(ADMIN, "Anna", "Koch", RatswegGroups.ADMIN);
		create(STAFF, "Maria", "Müller", RatswegGroups.STAFF);
		create(BOARD_MEMBER, "Bernd", "Schneider", RatswegGroups.BOARD);
		create(COMMITTEE_OFFICE, "Katrin", "Weber", RatswegGroups.COMMITTEE_OFFICE);
		create(SECOND_BOARD_MEMBER, "Dirk", "Lange", RatswegGroups.BOARD);
		// The mayor chairs the board: a member of both groups.
		create(MAYOR, "Heike", "Becker", RatswegGroups.MAYOR);
		this.identitySetup.ensureMembership(MAYOR, RatswegGroups.BOARD);
		create(BOARD_OFFICE, "Lena", "Fischer", RatswegGroups.BOARD_OFFICE);
		create(TREASURY, "Thomas", "Schulz", RatswegGroups.TREASURY);
		create(IT, "Jonas", "Wagner", RatswegGroups.IT);
		create(DATA_PROTECTION, "Sabine", "Hoffmann", RatswegGroups.DATA_PROTECTION);
		create(URBAN_DEVELOPMENT, "Peter", "Meyer", RatswegGroups.URBAN_DEVELOPMENT);
		create(ENVIRONMENT, "Nina", "Schmitz", RatswegGroups.ENVIRONMENT);
		create(CHIEF_DIGITAL_OFFICER, "Claudia", "Krause", RatswegGroups.CHIEF_DIGITAL_OFFICER);
	}

	private void create(String userId, String firstName, String lastName, String groupId) {
		if (this.identitySetup.ensureUser(userId, PASSWORD, firstName, lastName, userId + "@" + EMAIL_DOMAIN)) {
			log.info("Created demo user '{}' ({} {}, group {})", userId, firstName, lastName, groupId);
		}
		this.identitySetup.ensureMembership(userId, groupId);
	}

}
