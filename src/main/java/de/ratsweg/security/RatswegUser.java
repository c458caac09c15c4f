package de.ratsweg.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import de.ratsweg.kernel.RatswegGroups;

/**
 * A user authenticated against the engine's identity service, with what the engine needs
 * for its authorization and tenant checks.
 *
 * @param userId the Camunda user id
 * @param groupIds the groups the user belongs to
 * @param tenantIds the tenants the user belongs to, directly or through a group
 */
public record RatswegUser(String userId, List<String> groupIds, List<String> tenantIds) {

	static final String ROLE_USER = "ROLE_USER";

	/**
	 * The user's groups and tenants (directly or through a group) as the engine knows
	 * them.
	 */
	public static RatswegUser load(IdentityService identityService, String userId) {
		List<String> groupIds = identityService.createGroupQuery()
			.groupMember(userId)
			.unlimitedList()
			.stream()
			.map(Group::getId)
			.toList();
		List<String> tenantIds = identityService.createTenantQuery()
			.userMember(userId)
			.includingGroupsOfUser(true)
			.unlimitedList()
			.stream()
			.map(Tenant::getId)
			.toList();
		return new RatswegUser(userId, groupIds, tenantIds);
	}

	/**
	 * Whether the user is a member of the administrators' group: the group the engine's
	 * configuration names as its administrators ({@code engine/SignedIn}), so both give
	 * the same answer ({@code EngineHardeningTest} keeps it so).
	 */
	public boolean isAdmin() {
		return this.groupIds.contains(RatswegGroups.ADMIN);
	}

	/**
	 * What Spring Security knows of the user: {@code ROLE_ADMIN} for administrators,
	 * {@code ROLE_USER} for everyone else; the same however the user logged in.
	 */
	public List<GrantedAuthority> authorities() {
		return AuthorityUtils
			.createAuthorityList(isAdmin() ? IdentityServiceAuthenticationProvider.ROLE_ADMIN : ROLE_USER);
	}

	/** The same question for a user not loaded yet, with one query. */
	public static boolean isAdmin(IdentityService identityService, String userId) {
		return identityService.createUserQuery().userId(userId).memberOfGroup(RatswegGroups.ADMIN).count() > 0;
	}

	@Override
	public String toString() {
		return this.userId;
	}

}
