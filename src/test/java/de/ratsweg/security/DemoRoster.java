package de.ratsweg.security;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.context.ApplicationContext;

import de.ratsweg.demo.DemoUsers;
import de.ratsweg.startup.StartupStep;
import de.ratsweg.tenancy.Municipalities;

/**
 * The demo users (one per group in Soest and Menden, as the demo profile creates them)
 * for tests that run outside the demo profile, e.g. on PostgreSQL where the demo profile
 * refuses to start.
 */
public final class DemoRoster {

	public static final String PASSWORD = DemoUsers.PASSWORD;

	public static final String STAFF = DemoUsers.STAFF;

	public static final String BOARD_OFFICE = DemoUsers.BOARD_OFFICE;

	public static final String COMMITTEE_OFFICE = DemoUsers.COMMITTEE_OFFICE;

	public static final String TREASURY = DemoUsers.TREASURY;

	/** A second member of Soest's treasury, and its lead. */
	public static final String TREASURY_LEAD = DemoUsers.TREASURY_LEAD;

	public static final String STAFF_LEAD = DemoUsers.STAFF_LEAD;

	public static final String IT = DemoUsers.IT;

	public static final String DATA_PROTECTION = DemoUsers.DATA_PROTECTION;

	public static final String ENVIRONMENT = DemoUsers.ENVIRONMENT;

	public static final String URBAN_DEVELOPMENT = DemoUsers.URBAN_DEVELOPMENT;

	public static final String MAYOR = DemoUsers.MAYOR;

	public static final String BOARD_MEMBER = DemoUsers.BOARD_MEMBER;

	public static final String SECOND_BOARD_MEMBER = DemoUsers.SECOND_BOARD_MEMBER;

	public static final String CHIEF_DIGITAL_OFFICER = DemoUsers.CHIEF_DIGITAL_OFFICER;

	public static final String SOEST = DemoUsers.SOEST;

	public static final String MENDEN = DemoUsers.MENDEN;

	public static final String ADMIN = DemoUsers.ADMIN;

	public static final String MENDEN_STAFF = DemoUsers.MENDEN_STAFF;

	public static final String MENDEN_BOARD_MEMBER = DemoUsers.MENDEN_BOARD_MEMBER;

	public static final String MENDEN_COMMITTEE_OFFICE = DemoUsers.MENDEN_COMMITTEE_OFFICE;

	public static final String MENDEN_MAYOR = DemoUsers.MENDEN_MAYOR;

	public static final String MENDEN_BOARD_OFFICE = DemoUsers.MENDEN_BOARD_OFFICE;

	public static final String MENDEN_TREASURY = DemoUsers.MENDEN_TREASURY;

	private DemoRoster() {
	}

	public static void createIn(ApplicationContext context) {
		IdentitySetup identitySetup = context.getBean(IdentitySetup.class);
		Municipalities municipalities = context.getBean(Municipalities.class);
		// tenants, groups and authorizations, filters: as at start-up
		context.getBeansOfType(StartupStep.class)
			.values()
			.stream()
			.filter((step) -> step.stage().compareTo(StartupStep.Stage.FILTERS) <= 0)
			.sorted(Comparator.comparing(StartupStep::stage))
			.forEach(StartupStep::run);
		for (DemoUsers.DemoUser user : DemoUsers.ROSTER) {
			DemoUsers.create(identitySetup, municipalities, user);
		}
	}

	/** The groups of a demo user. */
	public static List<String> groupsOf(String userId) {
		return find(userId).groups();
	}

	/** The municipality of a demo user ({@code null} for the administrator). */
	public static String tenantOf(String userId) {
		return find(userId).tenantId();
	}

	/** Every demo user's id, administrator first. */
	public static List<String> userIds() {
		return DemoUsers.USER_IDS;
	}

	/**
	 * Does something as the demo user, with their groups and municipality, as the webapps
	 * and the REST API do.
	 */
	public static <T> T as(ProcessEngine engine, String userId, Supplier<T> action) {
		return as(engine, userId, tenantOf(userId), action);
	}

	/**
	 * Does something as the demo user, with their groups, in the given municipality (none
	 * when {@code null}).
	 */
	public static <T> T as(ProcessEngine engine, String userId, String municipality, Supplier<T> action) {
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(userId, groupsOf(userId),
				(municipality != null) ? List.of(municipality) : List.of());
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static DemoUsers.DemoUser find(String userId) {
		return DemoUsers.ROSTER.stream().filter((user) -> user.id().equals(userId)).findFirst().orElseThrow();
	}

}
