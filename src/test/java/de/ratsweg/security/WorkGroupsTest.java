package de.ratsweg.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the work groups may do is set on every start, and what earlier versions granted
 * too generously is taken back: only staff start projects, nobody starts a called process
 * alone.
 */
@RatswegSpringTest
class WorkGroupsTest {

	@Autowired
	WorkGroups workGroups;

	@Autowired
	IdentitySetup identitySetup;

	@Autowired
	AuthorizationService authorizations;

	@Test
	void startingAnyProcessGrantedByAnEarlierVersionIsTakenBack() {
		this.identitySetup.grant(RatswegGroups.COMMITTEE_OFFICE, Resources.PROCESS_DEFINITION, Authorization.ANY,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		this.identitySetup.grant(RatswegGroups.COMMITTEE_OFFICE, Resources.PROCESS_INSTANCE, Authorization.ANY,
				Permissions.CREATE);
		this.identitySetup.grant(RatswegGroups.STAFF, Resources.PROCESS_DEFINITION, Authorization.ANY,
				ProcessDefinitionPermissions.CREATE_INSTANCE);

		this.workGroups.run();

		assertThat(may(RatswegGroups.COMMITTEE_OFFICE, ProcessDefinitionPermissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, "FundingApplicationProcess"))
			.isFalse();
		assertThat(may(RatswegGroups.COMMITTEE_OFFICE, Permissions.CREATE, Resources.PROCESS_INSTANCE, "any"))
			.isFalse();
		assertThat(may(RatswegGroups.STAFF, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
				"BoardApprovalProcess"))
			.isFalse();
		assertThat(may(RatswegGroups.STAFF, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
				"SmartCityProjectProcess"))
			.isTrue();
		assertThat(may(RatswegGroups.COMMITTEE_OFFICE, Permissions.READ, Resources.PROCESS_DEFINITION,
				"CommitteeResolutionProcess"))
			.as("reading stays")
			.isTrue();
	}

	private boolean may(String group, org.camunda.bpm.engine.authorization.Permission permission, Resources resource,
			String resourceId) {
		return this.authorizations.isUserAuthorized("someone-in-" + group, List.of(group), permission, resource,
				resourceId);
	}

}
