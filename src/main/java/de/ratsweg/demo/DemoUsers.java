package de.ratsweg.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.DemoAccounts;
import de.ratsweg.security.IdentitySetup;
import de.ratsweg.security.StartupRefusedException;
import de.ratsweg.startup.StartupStep;
import de.ratsweg.tenancy.Municipalities;

/**
 * The demo users, one per role in Soest and in Menden, with the password listed in the
 * README. They exist only in the demo profile; outside it {@link FirstAdministrator}
 * removes them.
 */
@Component
@Profile(DemoAccounts.PROFILE)
// With the city's directory as identity source, people come from there
// (identity/DirectoryIdentity).
@ConditionalOnProperty(name = "ratsweg.identity.directory.enabled", havingValue = "false", matchIfMissing = true)
public class DemoUsers implements SmartInitializingSingleton, StartupStep {

	public static final String PROFILE = DemoAccounts.PROFILE;

	public static final String PASSWORD = DemoAccounts.PASSWORD;

	/**
	 * Marks the demo users, so that they can be told from real users with the same id.
	 */
	public static final String EMAIL_DOMAIN = DemoAccounts.EMAIL_DOMAIN;

	public static final String ADMIN = "akoch";

	/** The first municipality of the demo, with one user per role. */
	public static final String SOEST = "soest";

	/** The second municipality of the demo, with one user per role. */
	public static final String MENDEN = "menden";

	public static final String STAFF = "mmueller";

	public static final String BOARD_MEMBER = "bschneider";

	public static final String COMMITTEE_OFFICE = "kweber";

	public static final String SECOND_BOARD_MEMBER = "dlange";

	public static final String MAYOR = "hbecker";

	public static final String BOARD_OFFICE = "lfischer";

	public static final String TREASURY = "tschulz";

	public static final String IT = "jwagner";

	public static final String DATA_PROTECTION = "shoffmann";

	public static final String URBAN_DEVELOPMENT = "pmeyer";

	public static final String ENVIRONMENT = "nschmitz";

	public static final String CHIEF_DIGITAL_OFFICER = "ckrause";

	/** Head of the treasury in Soest: a second treasury member and its lead. */
	public static final String TREASURY_LEAD = "akaiser";

	/** Head of the staff in Soest. */
	public static final String STAFF_LEAD = "wrichter";

	public static final String MENDEN_STAFF = "eschmidt";

	public static final String MENDEN_BOARD_MEMBER = "rkoenig";

	public static final String MENDEN_COMMITTEE_OFFICE = "azimmermann";

	public static final String MENDEN_MAYOR = "mroth";

	public static final String MENDEN_BOARD_OFFICE = "jbraun";

	public static final String MENDEN_TREASURY = "ghartmann";

	/**
	 * Administrator (no municipality), then one user per role in Soest and in Menden.
	 */
	public static final List<DemoUser> ROSTER = List.of(
			new DemoUser(ADMIN, "Anna", "Koch", null, List.of(RatswegGroups.ADMIN)),
			new DemoUser(STAFF, "Maria", "Müller", SOEST, List.of(RatswegGroups.STAFF)),
			new DemoUser(BOARD_MEMBER, "Bernd", "Schneider", SOEST, List.of(RatswegGroups.BOARD)),
			new DemoUser(COMMITTEE_OFFICE, "Katrin", "Weber", SOEST, List.of(RatswegGroups.COMMITTEE_OFFICE)),
			new DemoUser(SECOND_BOARD_MEMBER, "Dirk", "Lange", SOEST, List.of(RatswegGroups.BOARD)),
			// The mayor chairs the board and leads it (told when its tasks run late).
			new DemoUser(MAYOR, "Heike", "Becker", SOEST,
					List.of(RatswegGroups.MAYOR, RatswegGroups.BOARD, RatswegGroups.LEADS)),
			new DemoUser(BOARD_OFFICE, "Lena", "Fischer", SOEST, List.of(RatswegGroups.BOARD_OFFICE)),
			new DemoUser(TREASURY, "Thomas", "Schulz", SOEST, List.of(RatswegGroups.TREASURY)),
			new DemoUser(IT, "Jonas", "Wagner", SOEST, List.of(RatswegGroups.IT)),
			new DemoUser(DATA_PROTECTION, "Sabine", "Hoffmann", SOEST, List.of(RatswegGroups.DATA_PROTECTION)),
			new DemoUser(URBAN_DEVELOPMENT, "Peter", "Meyer", SOEST, List.of(RatswegGroups.URBAN_DEVELOPMENT)),
			new DemoUser(ENVIRONMENT, "Nina", "Schmitz", SOEST, List.of(RatswegGroups.ENVIRONMENT)),
			new DemoUser(CHIEF_DIGITAL_OFFICER, "Claudia", "Krause", SOEST,
					List.of(RatswegGroups.CHIEF_DIGITAL_OFFICER)),
			// Leads of a group are its members who are also in "leitung".
			new DemoUser(TREASURY_LEAD, "Andrea", "Kaiser", SOEST,
					List.of(RatswegGroups.TREASURY, RatswegGroups.LEADS)),
			new DemoUser(STAFF_LEAD, "Werner", "Richter", SOEST, List.of(RatswegGroups.STAFF, RatswegGroups.LEADS)),
			new DemoUser(MENDEN_STAFF, "Elif", "Schmidt", MENDEN, List.of(RatswegGroups.STAFF)),
			new DemoUser(MENDEN_BOARD_MEMBER, "Ralf", "König", MENDEN, List.of(RatswegGroups.BOARD)),
			new DemoUser(MENDEN_COMMITTEE_OFFICE, "Andreas", "Zimmermann", MENDEN,
					List.of(RatswegGroups.COMMITTEE_OFFICE)),
			new DemoUser("uwolf", "Ute", "Wolf", MENDEN, List.of(RatswegGroups.BOARD)),
			new DemoUser(MENDEN_MAYOR, "Martin", "Roth", MENDEN,
					List.of(RatswegGroups.MAYOR, RatswegGroups.BOARD, RatswegGroups.LEADS)),
			new DemoUser("sbergmann", "Sandra", "Bergmann", MENDEN, List.of(RatswegGroups.STAFF, RatswegGroups.LEADS)),
			new DemoUser(MENDEN_BOARD_OFFICE, "Julia", "Braun", MENDEN, List.of(RatswegGroups.BOARD_OFFICE)),
			new DemoUser(MENDEN_TREASURY, "Gabi", "Hartmann", MENDEN, List.of(RatswegGroups.TREASURY)),
			new DemoUser("lkrueger", "Lukas", "Krüger", MENDEN, List.of(RatswegGroups.IT)),
			new DemoUser("cwerner", "Carla", "Werner", MENDEN, List.of(RatswegGroups.DATA_PROTECTION)),
			new DemoUser("fschulte", "Frank", "Schulte", MENDEN, List.of(RatswegGroups.URBAN_DEVELOPMENT)),
			new DemoUser("ivogel", "Ines", "Vogel", MENDEN, List.of(RatswegGroups.ENVIRONMENT)),
			new DemoUser("ofriedrich", "Olaf", "Friedrich", MENDEN, List.of(RatswegGroups.CHIEF_DIGITAL_OFFICER)));

	public static final List<String> USER_IDS = ROSTER.stream().map(DemoUser::id).toList();

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentitySetup identitySetup;

	private final Municipalities municipalities;

	private final String databaseUrl;

	DemoUsers(IdentitySetup identitySetup, Municipalities municipalities,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		this.identitySetup = identitySetup;
		this.municipalities = municipalities;
		this.databaseUrl = databaseUrl;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Before anything is created: refused at once.
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
	}

	@Override
	public Stage stage() {
		return Stage.USERS;
	}

	@Override
	public String description() {
		return "demo users (public passwords, demo profile only)";
	}

	@Override
	public void run() {
		for (DemoUser user : ROSTER) {
			create(user);
		}
	}

	private void create(DemoUser user) {
		create(this.identitySetup, this.municipalities, user);
	}

	/**
	 * Creates the demo user (if missing) with its memberships.
	 */
	public static void create(IdentitySetup identitySetup, Municipalities municipalities, DemoUser user) {
		if (identitySetup.ensureUser(user.id(), PASSWORD, user.firstName(), user.lastName(),
				user.id() + "@" + EMAIL_DOMAIN)) {
			log.info("Created demo user '{}' ({} {}, groups {})", user.id(), user.firstName(), user.lastName(),
					user.groups());
		}
		for (String group : user.groups()) {
			identitySetup.ensureMembership(user.id(), group);
		}
		if (user.tenantId() != null) {
			municipalities.ensureMember(user.id(), user.tenantId());
		}
	}

	/**
	 * A demo user: one per group and municipality, the mayor also on the board.
	 *
	 * @param tenantId the municipality, {@code null} for the administrator
	 */
	public record DemoUser(String id, String firstName, String lastName, String tenantId, List<String> groups) {
	}

}
