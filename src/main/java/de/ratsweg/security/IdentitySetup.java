package de.ratsweg.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;

/**
 * Creates groups, users, memberships and group authorizations when they are missing.
 * Every method can run on every start: what exists is left as it is (an administrator may
 * have changed it in Camunda Admin).
 */
@Component
public class IdentitySetup {

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
	}

	/**
	 * Creates the group when it is missing; with a read-only identity source (the city's
	 * directory) the groups are Ratsweg's own and exist already.
	 */
	public void ensureGroup(String groupId, String name, String type) {
		if (this.identityService.isReadOnly()) {
			return;
		}
		if (this.identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identityService.newGroup(groupId);
			group.setName(name);
			group.setType(type);
			this.identityService.saveGroup(group);
		}
	}

	/**
	 * @return whether the user was created
	 */
	public boolean ensureUser(String userId, String password, String firstName, String lastName, String email) {
		if (userExists(userId)) {
			return false;
		}
		User user = this.identityService.newUser(userId);
		user.setPassword(password);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(email);
		this.identityService.saveUser(user);
		return true;
	}

	/**
	 * The rules of the engine's password policy that the password breaks for this user,
	 * e.g. {@code PASSWORD_POLICY_UPPERCASE {minUpperCase=1}}; empty when it complies.
	 */
	List<String> passwordPolicyViolations(String userId, String password, String firstName, String lastName,
			String email) {
		User user = this.identityService.newUser(userId);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(email);
		return this.identityService.checkPasswordAgainstPolicy(password, user)
			.getViolatedRules()
			.stream()
			.map((rule) -> rule.getPlaceholder() + " " + rule.getParameters())
			.toList();
	}

	boolean userExists(String userId) {
		return this.identityService.createUserQuery().userId(userId).count() > 0;
	}

	/** The users marked as demo users (by their e-mail domain). */
	List<String> demoUserIds() {
		return this.identityService.createUserQuery()
			.userEmailLike("%@" + DemoAccounts.EMAIL_DOMAIN)
			.unlimitedList()
			.stream()
			.map(User::getId)
			.toList();
	}

	public void ensureMembership(String userId, String groupId) {
		if (this.identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			this.identityService.createMembership(userId, groupId);
		}
	}

	/**
	 * Administrators may do everything on every resource, including deployments and
	 * users.
	 */
	void ensureAdministratorGroup() {
		ensureGroup(RatswegGroups.ADMIN, RatswegGroups.ADMIN_NAME,
				org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
		for (Resources resource : Resources.values()) {
			grant(RatswegGroups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
		}
	}

	/**
	 * Grants the permissions to the group, adding to what it already has on that
	 * resource.
	 */
	public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = findGrant(groupId, resource, resourceId);
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
			return;
		}
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizationService.saveAuthorization(authorization);
	}

	/**
	 * Takes the permissions away from the group on that resource, if it has them.
	 */
	public void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = findGrant(groupId, resource, resourceId);
		if (authorization == null || Arrays.stream(permissions).noneMatch(authorization::isPermissionGranted)) {
			return;
		}
		for (Permission permission : permissions) {
			authorization.removePermission(permission);
		}
		this.authorizationService.saveAuthorization(authorization);
	}

	private Authorization findGrant(String groupId, Resource resource, String resourceId) {
		return this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
	}

	long administratorCount() {
		return this.identityService.createUserQuery().memberOfGroup(RatswegGroups.ADMIN).count();
	}

	void deleteUser(String userId) {
		this.identityService.deleteUser(userId);
	}

}
