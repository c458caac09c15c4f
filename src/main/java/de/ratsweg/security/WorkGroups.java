package de.ratsweg.security;

import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.AccessRules.Operation;
import de.ratsweg.startup.StartupStep;

/**
 * Creates the groups and their Camunda authorizations from {@link AccessRules}, on every
 * start. Tasks themselves become visible through the engine's default task permissions:
 * whoever is assignee or candidate (directly or through a group) may read and work on the
 * task, nobody else.
 */
@Component
class WorkGroups implements StartupStep {

	private final IdentitySetup identitySetup;

	WorkGroups(IdentitySetup identitySetup) {
		this.identitySetup = identitySetup;
	}

	@Override
	public Stage stage() {
		return Stage.GROUPS_AND_AUTHORIZATIONS;
	}

	@Override
	public String description() {
		return "administrators' and work groups with their authorizations";
	}

	@Override
	public void run() {
		this.identitySetup.ensureAdministratorGroup();
		for (String groupId : RatswegGroups.workGroupIds()) {
			this.identitySetup.ensureGroup(groupId, RatswegGroups.nameOf(groupId), Groups.GROUP_TYPE_WORKFLOW);
			revokeWhatEarlierVersionsGranted(groupId);
			apply(groupId, AccessRules.of(groupId));
		}
		// Leads get no rights of their own: they are told about overdue tasks of their
		// groups.
		this.identitySetup.ensureGroup(RatswegGroups.LEADS, RatswegGroups.nameOf(RatswegGroups.LEADS),
				Groups.GROUP_TYPE_WORKFLOW);
	}

	private void apply(String groupId, Set<Operation> operations) {
		if (operations.contains(Operation.WORK_ON_TASKS)) {
			this.identitySetup.grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		}
		if (operations.contains(Operation.READ_HISTORY)) {
			// The models (Tasklist's diagram tab) and their history.
			for (String process : AccessRules.PROCESSES) {
				this.identitySetup.grant(groupId, Resources.PROCESS_DEFINITION, process, Permissions.READ,
						ProcessDefinitionPermissions.READ_HISTORY);
			}
		}
		if (operations.contains(Operation.START_PROJECT)) {
			this.identitySetup.grant(groupId, Resources.PROCESS_DEFINITION, AccessRules.STARTED_BY_STAFF,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
			this.identitySetup.grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}
		else {
			this.identitySetup.revoke(groupId, Resources.PROCESS_DEFINITION, AccessRules.STARTED_BY_STAFF,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
			this.identitySetup.revoke(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}
		// DEPLOY and MANAGE_USERS: administrators only (ensureAdministratorGroup).
	}

	/**
	 * Earlier versions let every work group start any process and read every model; the
	 * rules above grant per process.
	 */
	private void revokeWhatEarlierVersionsGranted(String groupId) {
		this.identitySetup.revoke(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY,
				ProcessDefinitionPermissions.CREATE_INSTANCE, Permissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY);
	}

}
