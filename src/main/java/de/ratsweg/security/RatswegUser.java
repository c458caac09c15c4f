package de.ratsweg.security;

import java.util.List;

/**
 * A user authenticated against the engine's identity service, with what the engine needs
 * for its authorization and tenant checks.
 *
 * @param userId the Camunda user id
 * @param groupIds the groups the user belongs to
 * @param tenantIds the tenants the user belongs to, directly or through a group
 */
record RatswegUser(String userId, List<String> groupIds, List<String> tenantIds) {

	boolean isAdmin() {
		return this.groupIds.contains(RatswegGroups.ADMIN);
	}

	@Override
	public String toString() {
		return this.userId;
	}

}
