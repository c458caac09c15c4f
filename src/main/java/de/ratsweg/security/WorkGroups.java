package de.ratsweg.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

import org.springframework.stereotype.Component;

import de.ratsweg.tasklist.TaskFilters;

/**
 * The groups that do the work and what each may do in the engine. Tasks themselves become
 * visible through the engine's default task permissions: whoever is assignee or candidate
 * (directly or through a group) may read and work on the task, nobody else.
 */
@Component
class WorkGroups {

	/** The process staff start from Tasklist. */
	static final String PROJECT_PROCESS = "SmartCityProjectProcess";

	private final IdentitySetup identitySetup;

	private final TaskFilters taskFilters;

	WorkGroups(IdentitySetup identitySetup, TaskFilters taskFilters) {
		this.identitySetup = identitySetup;
		this.taskFilters = taskFilters;
	}

	void ensure() {
		this.identitySetup.ensureAdministratorGroup();
		for (String groupId : RatswegGroups.workGroupIds()) {
			ensureWorkGroup(groupId, RatswegGroups.nameOf(groupId));
		}
		// Only staff start projects; everybody else works on the tasks the processes give
		// them.
		this.identitySetup.grant(RatswegGroups.STAFF, Resources.PROCESS_DEFINITION, PROJECT_PROCESS,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		this.identitySetup.grant(RatswegGroups.STAFF, Resources.PROCESS_INSTANCE, Authorization.ANY,
				Permissions.CREATE);
		String filterId = this.taskFilters.ensureMyTasks();
		for (String groupId : RatswegGroups.workGroupIds()) {
			this.identitySetup.grant(groupId, Resources.FILTER, filterId, Permissions.READ);
		}
	}

	private void ensureWorkGroup(String groupId, String name) {
		this.identitySetup.ensureGroup(groupId, name, Groups.GROUP_TYPE_WORKFLOW);
		// Earlier versions let every work group start any process; nobody starts the
		// called processes on their own, and only staff start projects (granted below).
		this.identitySetup.revoke(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		if (!RatswegGroups.STAFF.equals(groupId)) {
			this.identitySetup.revoke(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}
		this.identitySetup.grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		// Read the models and the history of the processes (Tasklist's diagram and
		// history tabs).
		this.identitySetup.grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY);
	}

}
