package de.ratsweg.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

/**
 * What Ratsweg reads about a person from the engine's identity service: the name users
 * read, the work groups (roles) and the municipalities.
 */
public final class UserDirectory {

	private UserDirectory() {
	}

	/** "Thomas Schulz"; the user id when the user has no name. */
	public static String fullName(User user) {
		String name = ((user.getFirstName() != null ? user.getFirstName() : "") + " "
				+ (user.getLastName() != null ? user.getLastName() : ""))
			.strip();
		return name.isEmpty() ? user.getId() : name;
	}

	/** The user's full name, or the id of a user who no longer exists. */
	public static String fullName(IdentityService identityService, String userId) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		return (user != null) ? fullName(user) : userId;
	}

	/** The work groups (roles) the user belongs to, in no particular order. */
	public static List<String> workGroupsOf(IdentityService identityService, String userId) {
		return identityService.createGroupQuery()
			.groupMember(userId)
			.unlimitedList()
			.stream()
			.map(Group::getId)
			.filter(RatswegGroups.WORK_GROUPS::containsKey)
			.toList();
	}

	/** The municipalities (tenants) the user belongs to. */
	public static List<String> municipalitiesOf(IdentityService identityService, String userId) {
		return identityService.createTenantQuery()
			.userMember(userId)
			.unlimitedList()
			.stream()
			.map(Tenant::getId)
			.toList();
	}

}
