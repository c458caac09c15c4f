package de.ratsweg.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Whether the one the engine acts for is an administrator: a user or a member of a group
 * the engine configuration names as administrators ({@code camunda-admin}).
 */
final class Administrators {

	private Administrators() {
	}

	static boolean include(ProcessEngineConfigurationImpl configuration, Authentication authentication) {
		if (authentication == null) {
			return false;
		}
		List<String> adminUsers = configuration.getAdminUsers();
		if (adminUsers != null && adminUsers.contains(authentication.getUserId())) {
			return true;
		}
		List<String> adminGroups = configuration.getAdminGroups();
		List<String> groups = authentication.getGroupIds();
		return adminGroups != null && groups != null && groups.stream().anyMatch(adminGroups::contains);
	}

}
