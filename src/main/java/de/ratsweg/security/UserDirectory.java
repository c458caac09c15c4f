package de.ratsweg.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

import de.ratsweg.engine.SignedIn;
import de.ratsweg.kernel.RatswegGroups;

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

	/**
	 * Runs the action as the user, with all their groups and municipalities (also those
	 * of their groups, as at login): the engine's authorization and tenant checks apply
	 * to every query in it. The authentication that was set before is restored
	 * afterwards.
	 */
	public static <T> T asUser(IdentityService identityService, String userId, Supplier<T> action) {
		RatswegUser user = RatswegUser.load(identityService, userId);
		return SignedIn.runAs(identityService, new SignedIn(userId, user.groupIds(), user.tenantIds()), action);
	}

}
