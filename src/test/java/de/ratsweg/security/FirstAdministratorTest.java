package de.ratsweg.security;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import de.ratsweg.SeparateApplication;
import de.ratsweg.demo.DemoUsers;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Outside the demo profile the first administrator comes from the environment; start-up
 * refuses a missing or well-known password, and demo users with their public password do
 * not survive.
 */
class FirstAdministratorTest {

	@Test
	void startUpWithoutAdministratorPasswordIsRefused() {
		Throwable failure = catchThrowable(
				() -> SeparateApplication.withProfiles("test").property("ratsweg.admin.password", "").run().close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.hasMessageContaining("Set RATSWEG_ADMIN_PASSWORD");
	}

	@Test
	void wellKnownPasswordIsRefused() {
		Throwable failure = catchThrowable(() -> SeparateApplication.withProfiles("test")
			.property("ratsweg.admin.password", "administrator")
			.run()
			.close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.hasMessageContaining("RATSWEG_ADMIN_PASSWORD is refused")
			.hasMessageContaining("well-known");
	}

	@Test
	void existingUserIsNeverMadeAdministratorBehindItsOwnersBack() {
		String database = "takeover-" + UUID.randomUUID();
		try (ConfigurableApplicationContext first = SeparateApplication.withProfiles("test")
			.h2Database(database)
			.property("ratsweg.admin.user-id", "alice")
			.run()) {
			IdentityService identity = first.getBean(IdentityService.class);
			User bob = identity.newUser("bob");
			bob.setPassword("Eigenes-Kennwort-2026");
			identity.saveUser(bob);
			identity.deleteMembership("alice", RatswegGroups.ADMIN);
		}

		Throwable failure = catchThrowable(() -> SeparateApplication.withProfiles("test")
			.h2Database(database)
			.property("ratsweg.admin.user-id", "bob")
			.run()
			.close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.hasMessageContaining("'bob' named by RATSWEG_ADMIN_USER exists but is not a member of camunda-admin");
	}

	@Test
	void weakPasswordsAreNamed() {
		assertThat(FirstAdministrator.weakness("admin", "short")).contains("shorter than 12");
		assertThat(FirstAdministrator.weakness("admin", "123456789012")).contains("well-known");
		assertThat(FirstAdministrator.weakness("admin", DemoUsers.PASSWORD)).contains("well-known");
		assertThat(FirstAdministrator.weakness("stadtadmin", "Stadtadmin-2026!")).contains("user id");
		assertThat(FirstAdministrator.weakness("admin", "Soest-Ratsweg-Start-2026")).isNull();
	}

	@Test
	void demoUsersExistOnlyInTheDemoProfile() {
		String database = "demo-" + UUID.randomUUID();
		try (ConfigurableApplicationContext demo = SeparateApplication.withProfiles("demo")
			.h2Database(database)
			.run()) {
			IdentityService identity = demo.getBean(IdentityService.class);
			assertThat(identity.checkPassword(DemoUsers.ADMIN, DemoUsers.PASSWORD)).isTrue();
			assertThat(identity.createUserQuery().memberOfGroup(RatswegGroups.ADMIN).list())
				.anySatisfy((user) -> assertThat(user.getId()).isEqualTo(DemoUsers.ADMIN));
			for (String group : RatswegGroups.workGroupIds()) {
				assertThat(identity.createUserQuery().memberOfGroup(group).count()).as("demo users in %s", group)
					.isPositive();
			}
			// in each demo municipality two board members and the mayor, who chairs the
			// board: a circulation can have a majority
			for (String municipality : List.of(DemoUsers.SOEST, DemoUsers.MENDEN)) {
				assertThat(identity.createUserQuery()
					.memberOfGroup(RatswegGroups.BOARD)
					.memberOfTenant(municipality)
					.count()).as("board of %s", municipality).isEqualTo(3);
			}
		}

		try (ConfigurableApplicationContext production = SeparateApplication.withProfiles("test")
			.h2Database(database)
			.run()) {
			IdentityService identity = production.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().userIdIn(DemoUsers.USER_IDS.toArray(String[]::new)).count()).isZero();
			assertThat(identity.checkPassword("testadmin", "Kreishaus-Secret-4711")).isTrue();
			User colleague = identity.newUser(DemoUsers.STAFF);
			colleague.setEmail("maria.mueller@soest.de");
			colleague.setPassword("Eigenes-Kennwort-2027");
			identity.saveUser(colleague);
		}

		try (ConfigurableApplicationContext again = SeparateApplication.withProfiles("test")
			.h2Database(database)
			.run()) {
			assertThat(again.getBean(IdentityService.class).createUserQuery().userId(DemoUsers.STAFF).count())
				.as("a real colleague who happens to have a demo user's id stays")
				.isEqualTo(1);
		}
	}

}
