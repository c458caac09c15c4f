package de.ratsweg.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.TestProfiles;
import de.ratsweg.WebappSession;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratsweg with its people in an Active Directory (the test directory,
 * {@code identity/kommunen.ldif}) read through Camunda's LDAP plugin 7.23.0 on the 7.24
 * engine: IT's changes to groups and accounts count from the next login, nested groups
 * count, and nobody outside the mapped groups gets in.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_ONLY_TAG)
class DirectoryIdentityTest {

	private static final String TREASURY_TASK = "Task_CoSignProjectIdea";

	private static final String SOEST_TREASURY = "GG-Ratsweg-Soest-Kaemmerei";

	private static final String SOEST_STAFF = "GG-Ratsweg-Soest-Sachbearbeitung";

	private final ProcessEngine engine;

	private final IdentityService identity;

	private final TestRestTemplate http;

	private final RestWork rest;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	DirectoryIdentityTest(ProcessEngine engine, TestRestTemplate http) {
		this.engine = engine;
		this.identity = engine.getIdentityService();
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	@Test
	void theLdapPluginOfCamunda723ServesThe724EngineReadOnly() {
		assertThat(org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion())
			.startsWith("7.24");
		assertThat(org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession.class.getPackage()
			.getImplementationVersion()).startsWith("7.23");
		assertThat(this.identity.isReadOnly()).isTrue();
		User weber = this.identity.createUserQuery().userId(DemoRoster.COMMITTEE_OFFICE).singleResult();
		assertThat(weber.getFirstName()).isEqualTo("Katrin");
		assertThat(weber.getLastName()).isEqualTo("Weber");
		assertThat(weber.getEmail()).isEqualTo("katrin.weber@soest.example");
		assertThat(this.identity.createGroupQuery().groupMember(DemoRoster.COMMITTEE_OFFICE).list())
			.extracting(Group::getId)
			.containsExactly("ratsbuero");
		assertThat(this.identity.createTenantQuery()
			.userMember(DemoRoster.COMMITTEE_OFFICE)
			.includingGroupsOfUser(true)
			.list()).extracting(Tenant::getId).containsExactly(DemoRoster.SOEST);
	}

	@Test
	void peopleAreListedPastTheDirectorysLimitPerSearchWithoutComputersOrDisabledAccounts() {
		List<User> people = this.identity.createUserQuery().list();
		assertThat(people).hasSizeGreaterThan(TestDirectory.MAX_ENTRIES_PER_SEARCH);
		assertThat(people).extracting(User::getId)
			.contains("azubi01", "azubi60", DemoRoster.STAFF, DemoRoster.MENDEN_STAFF)
			.doesNotContain("SOEST-PC042$", "dalt");
		assertThat(this.identity.createUserQuery().memberOfGroup("kaemmerei").memberOfTenant(DemoRoster.SOEST).list())
			.extracting(User::getId)
			.containsExactlyInAnyOrder(DemoRoster.TREASURY, DemoRoster.TREASURY_LEAD, "hkrug", "ovoss");
	}

	@Test
	void aClerkInAGroupInsideTheTreasurysGroupWorksForTheTreasury() {
		String task = aSoestProjectWaitingForTheTreasury();
		assertThat(this.identity.createGroupQuery().groupMember("hkrug").list()).extracting(Group::getId)
			.containsExactly("kaemmerei");
		assertThat(this.rest.tasks("hkrug", "taskDefinitionKey=" + TREASURY_TASK)).extracting((t) -> t.get("id"))
			.contains(task);
	}

	@Test
	void aColleagueAddedToTheTreasurysGroupGetsItsTasksOnTheNextLoginAndLosesThemWhenRemoved() {
		String task = aSoestProjectWaitingForTheTreasury();
		assertThat(this.identity.checkPassword("lneu", DemoRoster.PASSWORD))
			.as("in no group mapped to Ratsweg: no login")
			.isFalse();
		assertThat(this.rest.as("azubi01")
			.getForEntity("/engine-rest/task?firstResult=0&maxResults=10", String.class)
			.getStatusCode()
			.value()).as("an apprentice in no Ratsweg group").isEqualTo(401);

		TestDirectory.addToGroup("lneu", SOEST_STAFF);
		TestDirectory.addToGroup("lneu", SOEST_TREASURY);
		try {
			assertThat(this.rest.tasks("lneu", "taskDefinitionKey=" + TREASURY_TASK)).extracting((t) -> t.get("id"))
				.contains(task);
			WebappSession tasklist = WebappSession.login(this.http, "tasklist", "lneu", DemoRoster.PASSWORD);
			assertThat(tasklist
				.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=50&taskDefinitionKey="
						+ TREASURY_TASK)
				.getBody()).contains(task);

			TestDirectory.removeFromGroup("lneu", SOEST_TREASURY);
			assertThat(this.rest.tasks("lneu", "taskDefinitionKey=" + TREASURY_TASK)).extracting((t) -> t.get("id"))
				.doesNotContain(task);
			assertThat(this.identity.createGroupQuery().groupMember("lneu").list()).extracting(Group::getId)
				.containsExactly("sachbearbeitung");
		}
		finally {
			TestDirectory.removeFromGroup("lneu", SOEST_STAFF);
			if (this.identity.createGroupQuery().groupMember("lneu").groupId("kaemmerei").count() > 0) {
				TestDirectory.removeFromGroup("lneu", SOEST_TREASURY);
			}
		}
	}

	@Test
	void aDisabledAccountCanLogInNeitherToTheRestApiNorToTheWebapps() {
		assertThat(TestDirectory.isDisabled("dalt")).isTrue();
		assertThat(this.rest.as("dalt")
			.getForEntity("/engine-rest/task?firstResult=0&maxResults=10", String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(WebappSession.open(this.http, "tasklist")
			.tryLogin("tasklist", "dalt", DemoRoster.PASSWORD)
			.getStatusCode()
			.value()).isEqualTo(401);

		assertThat(this.rest.as("ovoss")
			.getForEntity("/engine-rest/task?firstResult=0&maxResults=10", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		TestDirectory.setDisabled("ovoss", true);
		try {
			assertThat(this.rest.as("ovoss")
				.getForEntity("/engine-rest/task?firstResult=0&maxResults=10", String.class)
				.getStatusCode()
				.value()).as("IT disabled the account: the next request is refused").isEqualTo(401);
			assertThat(this.identity.createUserQuery().userId("ovoss").count()).isZero();
			assertThat(this.identity.createUserQuery().memberOfGroup("kaemmerei").list()).extracting(User::getId)
				.doesNotContain("ovoss");
		}
		finally {
			TestDirectory.setDisabled("ovoss", false);
		}
	}

	private String aSoestProjectWaitingForTheTreasury() {
		return ProjectWork.taskOfGroup(this.engine, ProjectWork.ideaSubmittedBy(this.rest, DemoRoster.STAFF, "soest"),
				"kaemmerei");
	}

}
