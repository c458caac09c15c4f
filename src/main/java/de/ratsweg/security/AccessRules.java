package de.ratsweg.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.ratsweg.kernel.RatswegGroups;

/**
 * Who may do what: the one definition from which Ratsweg generates the Camunda
 * authorizations of its groups ({@link WorkGroups}). Read it as a table, one row per
 * role:
 *
 * <pre>
 * role (group)          start projects  work on tasks  read history  deploy  manage users
 * camunda-admin               -              yes            yes        yes       yes
 * sachbearbeitung            yes             yes            yes         -         -
 * every other work group      -              yes            yes         -         -
 * </pre>
 *
 * <ul>
 * <li><b>Work on tasks</b>: see, claim and complete the tasks whose candidate group the
 * user is in, or which are assigned to them (the engine grants this per task).</li>
 * <li><b>Read history</b>: the models and the history of {@link #PROCESSES}.</li>
 * <li>Every row applies within the user's municipality only: the engine's tenant check
 * hides the instances, tasks and history of other municipalities (tenant membership, see
 * {@code tenancy/}). Administrators belong to no municipality; they see all, but start no
 * projects (a project needs a municipality).</li>
 * </ul>
 */
public final class AccessRules {

	/** The processes Ratsweg runs; every work group reads their models and history. */
	public static final List<String> PROCESSES = List.of("SmartCityProjectProcess", "DepartmentCoSigningProcess",
			"BoardApprovalProcess", "CommitteeResolutionProcess", "FundingApplicationProcess");

	/** The only process people start themselves; the others are called by it. */
	public static final String STARTED_BY_STAFF = "SmartCityProjectProcess";

	/**
	 * What a role may do; each is checked end to end in {@code AccessMatrixTest}.
	 */
	public enum Operation {

		/** Start a Smart-City project (in the user's own municipality). */
		START_PROJECT,
		/** List, claim and complete the tasks of one's own groups. */
		WORK_ON_TASKS,
		/** Read the history of the processes. */
		READ_HISTORY,
		/** Deploy process models, decision tables and forms. */
		DEPLOY,
		/** Create and change users, groups, tenants and authorizations. */
		MANAGE_USERS

	}

	private static final Map<String, Set<Operation>> ROLES = new LinkedHashMap<>();

	static {
		ROLES.put(RatswegGroups.ADMIN,
				EnumSet.of(Operation.WORK_ON_TASKS, Operation.READ_HISTORY, Operation.DEPLOY, Operation.MANAGE_USERS));
		for (String group : RatswegGroups.workGroupIds()) {
			ROLES.put(group, EnumSet.of(Operation.WORK_ON_TASKS, Operation.READ_HISTORY));
		}
		ROLES.get(RatswegGroups.STAFF).add(Operation.START_PROJECT);
	}

	private AccessRules() {
	}

	/** What members of the group may do (nothing for a group Ratsweg does not know). */
	public static Set<Operation> of(String groupId) {
		Set<Operation> operations = ROLES.get(groupId);
		return (operations != null) ? EnumSet.copyOf(operations) : EnumSet.noneOf(Operation.class);
	}

	/** Whether a user in these groups may do the operation (any group suffices). */
	public static boolean allows(Collection<String> groupIds, Operation operation) {
		return groupIds.stream().anyMatch((group) -> of(group).contains(operation));
	}

}
