package de.ratsweg.engine;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine acts for: the user, their groups and municipalities, as the engine's
 * authentication holds them.
 *
 * @param userId the user
 * @param groupIds their groups (empty when none)
 * @param tenantIds their municipalities (empty when none)
 */
public record SignedIn(String userId, List<String> groupIds, List<String> tenantIds) {

	public SignedIn {
		groupIds = (groupIds != null) ? List.copyOf(groupIds) : List.of();
		tenantIds = (tenantIds != null) ? List.copyOf(tenantIds) : List.of();
	}

	/** Who the identity service acts for, or null when nobody is signed in. */
	public static SignedIn current(IdentityService identity) {
		return of(identity.getCurrentAuthentication());
	}

	/** Who the command that runs now acts for, or null (Ratsweg's own work, a job). */
	public static SignedIn inCommand() {
		return (Context.getCommandContext() != null) ? of(Context.getCommandContext().getAuthentication()) : null;
	}

	private static SignedIn of(Authentication authentication) {
		return (authentication == null || authentication.getUserId() == null) ? null
				: new SignedIn(authentication.getUserId(), authentication.getGroupIds(), authentication.getTenantIds());
	}

	/**
	 * Whether this user is an administrator in the sense of the engine: named in its
	 * configuration as an administrator, or a member of a group it names as
	 * administrators ({@code camunda-admin}). Ratsweg asks this one question wherever it
	 * treats administrators differently.
	 */
	public boolean isAdministrator(ProcessEngineConfiguration configuration) {
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
		List<String> adminUsers = engine.getAdminUsers();
		if (adminUsers != null && adminUsers.contains(this.userId)) {
			return true;
		}
		List<String> adminGroups = engine.getAdminGroups();
		return adminGroups != null && this.groupIds.stream().anyMatch(adminGroups::contains);
	}

	/**
	 * Whether the engine's authentication (null: nobody) is an administrator's
	 * ({@link #isAdministrator(ProcessEngineConfiguration)}).
	 */
	public static boolean isAdministrator(ProcessEngineConfiguration configuration, Authentication authentication) {
		SignedIn user = of(authentication);
		return user != null && user.isAdministrator(configuration);
	}

	/**
	 * Runs the action as the user: the engine's authorization and tenant checks apply to
	 * every query in it. Who was signed in before is signed in again afterwards.
	 */
	public static <T> T runAs(IdentityService identity, SignedIn user, Supplier<T> action) {
		Authentication previous = identity.getCurrentAuthentication();
		if (user != null) {
			identity.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
		}
		else {
			identity.clearAuthentication();
		}
		try {
			return action.get();
		}
		finally {
			if (previous != null) {
				identity.setAuthentication(previous);
			}
			else {
				identity.clearAuthentication();
			}
		}
	}

}
