package de.ratsweg.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.substitution.Substitutes;

/**
 * The people of one task: who may work on it (the assignee, or else the candidate users
 * and the members of the candidate groups in the task's municipality, each with their
 * substitutes while they are absent) and who leads the groups it belongs to.
 *
 * @param tenantId the task's municipality
 * @param assignee the assignee, or null
 * @param candidateUsers users the task is offered to personally
 * @param candidateGroups groups the task is offered to
 */
public record TaskPeople(String tenantId, String assignee, List<String> candidateUsers, List<String> candidateGroups) {

	public static TaskPeople of(String tenantId, String assignee, Collection<? extends IdentityLink> links) {
		List<String> users = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		for (IdentityLink link : links) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				users.add(link.getUserId());
			}
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return new TaskPeople(tenantId, assignee, users, groups);
	}

	/**
	 * Everyone who may work on the task, each once, in a stable order.
	 */
	public Set<String> workers(IdentityService identityService, Substitutes substitutes) {
		Set<String> people = new LinkedHashSet<>();
		if (this.assignee != null) {
			people.add(this.assignee);
		}
		else {
			people.addAll(this.candidateUsers);
			for (String group : this.candidateGroups) {
				people.addAll(members(identityService, group));
			}
		}
		// Substitutes only for tasks of a group: a personal task (a vote) stays personal.
		Set<String> withSubstitutes = new LinkedHashSet<>(people);
		for (String person : people) {
			withSubstitutes.addAll(substitutes.standingInFor(person, this.tenantId, this.candidateGroups));
		}
		return withSubstitutes;
	}

	/**
	 * The leads of the task's groups in its municipality: members of a group the task
	 * belongs to who are also in the group "leitung".
	 * @param forPersonalTasks whether a task offered to persons only (a vote) has the
	 * leads of those persons' groups (for the escalation of that one task), or none (for
	 * the digest, which lists the tasks of the groups a lead leads)
	 */
	public Set<String> leads(IdentityService identityService, boolean forPersonalTasks) {
		List<String> groups = forPersonalTasks ? roles(identityService) : this.candidateGroups;
		if (groups.isEmpty()) {
			return Set.of();
		}
		List<String> allLeads = members(identityService, RatswegGroups.LEADS);
		Set<String> leads = new LinkedHashSet<>();
		for (String group : groups) {
			members(identityService, group).stream().filter(allLeads::contains).forEach(leads::add);
		}
		return leads;
	}

	/**
	 * The groups the task belongs to: its candidate groups, or for a task offered to
	 * persons only (a vote), the work groups of those persons.
	 */
	List<String> roles(IdentityService identityService) {
		if (!this.candidateGroups.isEmpty()) {
			return this.candidateGroups;
		}
		Set<String> groups = new LinkedHashSet<>();
		List<String> persons = new ArrayList<>(this.candidateUsers);
		if (this.assignee != null) {
			persons.add(this.assignee);
		}
		for (String person : persons) {
			groups.addAll(UserDirectory.workGroupsOf(identityService, person));
		}
		return List.copyOf(groups);
	}

	/**
	 * The group's members in the task's municipality; none for a task without one (a
	 * group is shared by all municipalities, and who of which city is meant is unknown).
	 */
	private List<String> members(IdentityService identityService, String group) {
		if (this.tenantId == null) {
			return List.of();
		}
		return identityService.createUserQuery()
			.memberOfGroup(group)
			.memberOfTenant(this.tenantId)
			.orderByUserId()
			.asc()
			.unlimitedList()
			.stream()
			.map(User::getId)
			.toList();
	}

}
