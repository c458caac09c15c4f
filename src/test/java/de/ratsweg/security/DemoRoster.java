package de.ratsweg.security;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * The demo users (one per group, as the demo profile creates them) for tests that run
 * outside the demo profile, e.g. on PostgreSQL where the demo profile refuses to start.
 */
public final class DemoRoster {

	public static final String PASSWORD = DemoUsers.PASSWORD;

	public static final String STAFF = DemoUsers.STAFF;

	public static final String BOARD_OFFICE = DemoUsers.BOARD_OFFICE;

	public static final String COMMITTEE_OFFICE = DemoUsers.COMMITTEE_OFFICE;

	public static final String TREASURY = DemoUsers.TREASURY;

	public static final String IT = DemoUsers.IT;

	public static final String DATA_PROTECTION = DemoUsers.DATA_PROTECTION;

	public static final String ENVIRONMENT = DemoUsers.ENVIRONMENT;

	public static final String URBAN_DEVELOPMENT = DemoUsers.URBAN_DEVELOPMENT;

	public static final String MAYOR = DemoUsers.MAYOR;

	public static final String BOARD_MEMBER = DemoUsers.BOARD_MEMBER;

	public static final String SECOND_BOARD_MEMBER = DemoUsers.SECOND_BOARD_MEMBER;

	public static final String CHIEF_DIGITAL_OFFICER = DemoUsers.CHIEF_DIGITAL_OFFICER;

	private DemoRoster() {
	}

	public static void createIn(ApplicationContext context) {
		IdentitySetup identitySetup = context.getBean(IdentitySetup.class);
		context.getBean(WorkGroups.class).ensure();
		for (DemoUsers.DemoUser user : DemoUsers.ROSTER) {
			DemoUsers.create(identitySetup, user);
		}
	}

	/** The groups of a demo user. */
	public static List<String> groupsOf(String userId) {
		return DemoUsers.ROSTER.stream().filter((user) -> user.id().equals(userId)).findFirst().orElseThrow().groups();
	}

}
