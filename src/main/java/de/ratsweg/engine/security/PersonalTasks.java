package de.ratsweg.engine.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.engine.SignedIn;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.RatswegUser;
import de.ratsweg.security.UserDirectory;

/**
 * A task the model offers to people by name and to no group is theirs alone: a board
 * member's vote by circulation ({@code camunda:candidateUsers="${boardMember}"}). Once
 * the engine has created such a task,
 * <ul>
 * <li>only the people it is offered to take it, give it back or hand it on among
 * themselves (claim, assign, delegate, owner); administrators may give it to one of them
 * or take it back from them, but not take it themselves;</li>
 * <li>nobody offers it to further people or groups (Tasklist's "Gruppen
 * hinzufügen");</li>
 * <li>only administrators remove people or groups from it.</li>
 * </ul>
 * Everyone else is refused with an {@link AuthorizationException} (403) and a German
 * reason. Any task, personal or not, goes only to people of its municipality (or an
 * administrator) and to Ratsweg's work groups (400 otherwise). Ratsweg itself (no
 * signed-in user: timers, start-up, its services) is not restricted, nor is the engine
 * while it creates or ends the task (the candidates the model names). Whoever Ratsweg
 * offers such a task to counts as one of its people.
 *
 * <p>
 * The check sits where the engine grants the permissions of a task (its
 * {@link ResourceAuthorizationProvider}): every way of giving a task to someone passes
 * there, whichever command, API or webapp asks, so none can be forgotten.
 */
public class PersonalTasks extends DefaultAuthorizationProvider {

	/**
	 * The engine creates the task (the model's candidates) or ends it: the values of
	 * {@link TaskEntity#getTaskState()} ({@code TaskEntity.TaskState} keeps them
	 * private).
	 */
	private static final Set<String> ENGINE_STATES = Set.of("Init", "Completed", "Deleted");

	private final ProcessEngineConfigurationImpl configuration;

	public PersonalTasks(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		recipient(task, newAssignee);
		handOver(task, newAssignee);
		return super.newTaskAssignee(task, oldAssignee, newAssignee);
	}

	@Override
	public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
		recipient(task, newOwner);
		handOver(task, newOwner);
		return super.newTaskOwner(task, oldOwner, newOwner);
	}

	@Override
	public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
		recipient(task, userId);
		offer(task, userId);
		return super.newTaskUserIdentityLink(task, userId, type);
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		recipientGroup(task, groupId);
		offer(task, null);
		return super.newTaskGroupIdentityLink(task, groupId, type);
	}

	@Override
	public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
		withdraw(task);
		return super.deleteTaskUserIdentityLink(task, userId, type);
	}

	@Override
	public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
		withdraw(task);
		return super.deleteTaskGroupIdentityLink(task, groupId, type);
	}

	/**
	 * A task created in this command has no authorizations yet: the engine's look-up of
	 * an existing grant to extend is left out.
	 */
	@Override
	protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId,
			Resource resource) {
		if (resource == Resources.TASK && resourceId != null) {
			DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
			TaskEntity task = entities.getDbEntityCache().get(TaskEntity.class, resourceId);
			if (task != null && entities.getDbEntityCache().isTransient(task)) {
				return null;
			}
		}
		return super.getGrantAuthorization(resourceId, userId, groupId, resource);
	}

	/**
	 * A task goes to people of its municipality (or to an administrator), never to
	 * someone of another one or to an unknown user id; both are refused alike, so that
	 * nobody learns who exists elsewhere.
	 */
	private void recipient(Task task, String userId) {
		if (userId == null || byEngine(task)) {
			return;
		}
		if (!mayReceive(userId, task.getTenantId())) {
			throw new BadUserRequestException(("„%s“ kann diese Aufgabe nicht erhalten: Aufgaben gehen nur an "
					+ "Personen der Stadt, zu der das Vorhaben gehört.")
				.formatted(userId));
		}
	}

	/**
	 * Whether the user is an administrator or of the municipality. Someone who takes a
	 * task themselves (the common case) is answered from their sign-in, which the
	 * engine's own tenant check uses too; anyone else is looked up.
	 */
	private boolean mayReceive(String userId, String tenantId) {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		if (userId.equals(authentication.getUserId()) && authentication.getTenantIds() != null) {
			return SignedIn.isAdministrator(this.configuration, authentication)
					|| (tenantId != null && authentication.getTenantIds().contains(tenantId));
		}
		RatswegUser user = EngineExtensions
			.withoutChecks(() -> RatswegUser.load(this.configuration.getIdentityService(), userId));
		return user.isAdmin() || (tenantId != null && user.tenantIds().contains(tenantId));
	}

	/**
	 * A task is offered only to Ratsweg's work groups: never to the administrators' group
	 * (its members see every municipality) or to a group Ratsweg does not know.
	 */
	private void recipientGroup(Task task, String groupId) {
		if (byEngine(task) || RatswegGroups.WORK_GROUPS.containsKey(groupId)) {
			return;
		}
		throw new BadUserRequestException(("Die Gruppe „%s“ kann diese Aufgabe nicht erhalten: Aufgaben gehen nur "
				+ "an die Arbeitsgruppen von Ratsweg.")
			.formatted(groupId));
	}

	/** Ratsweg itself, or the engine while it creates or ends the task. */
	private static boolean byEngine(Task task) {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		return authentication == null || authentication.getUserId() == null || !(task instanceof TaskEntity entity)
				|| ENGINE_STATES.contains(entity.getTaskState());
	}

	/** The task gets a new assignee or owner (null: nobody). */
	private void handOver(Task task, String to) {
		Personal personal = personal(task, null);
		if (personal == null) {
			return;
		}
		boolean toOneOfItsPeople = to == null || personal.people().contains(to);
		boolean byOneOfItsPeople = personal.byAdministrator() || personal.people().contains(personal.actor());
		if (!toOneOfItsPeople || !byOneOfItsPeople) {
			throw refused(personal,
					"Nur %s kann sie übernehmen oder wieder abgeben; niemand kann sie einer anderen Person zuweisen.");
		}
	}

	/**
	 * The task is offered to one more user or group (or linked to them otherwise).
	 * @param userId the user, who is already among the task's links when the engine asks
	 */
	private void offer(Task task, String userId) {
		Personal personal = personal(task, userId);
		if (personal != null) {
			throw refused(personal, "Sie kann keinen weiteren Personen oder Gruppen angeboten werden.");
		}
	}

	/** A user or group is removed from the task. */
	private void withdraw(Task task) {
		Personal personal = personal(task, null);
		if (personal != null && !personal.byAdministrator()) {
			throw refused(personal, "Nur die Administration kann ändern, wem sie angeboten ist.");
		}
	}

	/**
	 * The task as this check sees it, or null when the check does not apply: not a
	 * personal task, not yet created or already ending, or changed by Ratsweg itself.
	 * @param added a user being linked to the task just now, not (yet) one of its people
	 */
	private Personal personal(Task task, String added) {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		if (authentication == null || authentication.getUserId() == null || !(task instanceof TaskEntity entity)
				|| ENGINE_STATES.contains(entity.getTaskState()) || !isPersonal(entity.getTaskDefinition())) {
			return null;
		}
		List<String> people = new ArrayList<>(entity.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getUserId)
			.filter(Objects::nonNull)
			.toList());
		people.remove(added);
		return new Personal(people.stream().distinct().toList(), authentication.getUserId(),
				SignedIn.isAdministrator(this.configuration, authentication));
	}

	/** Offered by the model to people by name and to no group. */
	private static boolean isPersonal(TaskDefinition definition) {
		return definition != null && !definition.getCandidateUserIdExpressions().isEmpty()
				&& definition.getCandidateGroupIdExpressions().isEmpty();
	}

	private AuthorizationException refused(Personal personal, String rule) {
		String names = Context.getCommandContext()
			.runWithoutAuthorization(() -> personal.people()
				.stream()
				.map((userId) -> UserDirectory.fullName(this.configuration.getIdentityService(), userId))
				.collect(Collectors.joining(" oder ")));
		String intro = names.isEmpty() ? "Diese Aufgabe ist persönlich zugeteilt. "
				: "Diese Aufgabe ist %s persönlich zugeteilt. ".formatted(names);
		return new AuthorizationException(
				intro + rule.formatted(names.isEmpty() ? "die Person, der sie zugeteilt ist," : names));
	}

	/**
	 * @param people the users it is offered to
	 * @param actor who asks
	 * @param byAdministrator whether an administrator asks
	 */
	private record Personal(List<String> people, String actor, boolean byAdministrator) {
	}

}
