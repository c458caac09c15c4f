package de.ratsweg.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.AccessRules;
import de.ratsweg.security.AccessRules.Operation;
import de.ratsweg.security.IdentitySetup;
import de.ratsweg.startup.StartupStep;

/**
 * Tasklist's filters ({@link TaskFilters}), each shared with the work groups that work
 * with it, on every start.
 */
@Component
class SharedFilters implements StartupStep {

	private final TaskFilters taskFilters;

	private final IdentitySetup identitySetup;

	SharedFilters(TaskFilters taskFilters, IdentitySetup identitySetup) {
		this.taskFilters = taskFilters;
		this.identitySetup = identitySetup;
	}

	@Override
	public Stage stage() {
		return Stage.FILTERS;
	}

	@Override
	public String description() {
		return "Tasklist filters, shared with their groups";
	}

	@Override
	public void run() {
		shareFilters(this.taskFilters.ensure());
	}

	/**
	 * Each filter is shared with the groups of its definition (members may read it) and
	 * with no other work group.
	 */
	private void shareFilters(Map<String, List<String>> groupsByFilter) {
		groupsByFilter.forEach((filterId, groups) -> {
			for (String groupId : RatswegGroups.workGroupIds()) {
				if (groups.contains(groupId) && AccessRules.of(groupId).contains(Operation.WORK_ON_TASKS)) {
					this.identitySetup.grant(groupId, Resources.FILTER, filterId, Permissions.READ);
				}
				else {
					this.identitySetup.revoke(groupId, Resources.FILTER, filterId, Permissions.READ);
				}
			}
		});
	}

}
