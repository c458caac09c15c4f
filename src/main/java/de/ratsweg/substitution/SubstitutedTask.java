package de.ratsweg.substitution;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * A task as substitution sees it, inside a listener (the task being created or assigned)
 * or from outside (a timer, an absence recorded or removed). Ratsweg remembers in the
 * task variable {@value #OFFERED_TO} whom it offered the task to, so that it withdraws
 * only those offers, never a candidate the model named.
 */
interface SubstitutedTask {

	/** Task variable: the substitutes Ratsweg offered the task to, comma-separated. */
	String OFFERED_TO = "offeredToSubstitutes";

	String assignee();

	String tenantId();

	List<String> candidateGroups();

	List<String> candidateUsers();

	List<String> offeredToSubstitutes();

	void setOfferedToSubstitutes(List<String> substitutes);

	void addCandidateUser(String userId);

	/**
	 * Removes the user as candidate, with the task permission the engine gave them for it
	 * (the engine leaves that permission behind).
	 */
	void withdrawFrom(String userId);

	static SubstitutedTask of(DelegateTask task) {
		return new SubstitutedTask() {

			@Override
			public String assignee() {
				return task.getAssignee();
			}

			@Override
			public String tenantId() {
				return task.getTenantId();
			}

			@Override
			public List<String> candidateGroups() {
				return candidates(task.getCandidates(), true);
			}

			@Override
			public List<String> candidateUsers() {
				return candidates(task.getCandidates(), false);
			}

			@Override
			public List<String> offeredToSubstitutes() {
				return split(task.getVariableLocal(OFFERED_TO));
			}

			@Override
			public void setOfferedToSubstitutes(List<String> substitutes) {
				task.setVariableLocal(OFFERED_TO, String.join(",", substitutes));
			}

			@Override
			public void addCandidateUser(String userId) {
				task.addCandidateUser(userId);
			}

			@Override
			public void withdrawFrom(String userId) {
				task.deleteCandidateUser(userId);
				revokeTaskPermission(task.getProcessEngineServices().getAuthorizationService(), task.getId(), userId);
			}

		};
	}

	static SubstitutedTask of(Task task, ProcessEngineConfigurationImpl engine) {
		TaskService tasks = engine.getTaskService();
		return new SubstitutedTask() {

			@Override
			public String assignee() {
				return task.getAssignee();
			}

			@Override
			public String tenantId() {
				return task.getTenantId();
			}

			@Override
			public List<String> candidateGroups() {
				return candidates(tasks.getIdentityLinksForTask(task.getId()), true);
			}

			@Override
			public List<String> candidateUsers() {
				return candidates(tasks.getIdentityLinksForTask(task.getId()), false);
			}

			@Override
			public List<String> offeredToSubstitutes() {
				return split(tasks.getVariableLocal(task.getId(), OFFERED_TO));
			}

			@Override
			public void setOfferedToSubstitutes(List<String> substitutes) {
				tasks.setVariableLocal(task.getId(), OFFERED_TO, String.join(",", substitutes));
			}

			@Override
			public void addCandidateUser(String userId) {
				tasks.addCandidateUser(task.getId(), userId);
			}

			@Override
			public void withdrawFrom(String userId) {
				tasks.deleteCandidateUser(task.getId(), userId);
				revokeTaskPermission(engine.getAuthorizationService(), task.getId(), userId);
			}

		};
	}

	private static List<String> candidates(Collection<? extends IdentityLink> links, boolean groups) {
		return links.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map((link) -> groups ? link.getGroupId() : link.getUserId())
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static List<String> split(Object value) {
		return (value instanceof String text && !text.isBlank()) ? Arrays.asList(text.split(",")) : List.of();
	}

	private static void revokeTaskPermission(AuthorizationService authorizations, String taskId, String userId) {
		for (Authorization authorization : authorizations.createAuthorizationQuery()
			.userIdIn(userId)
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list()) {
			authorizations.deleteAuthorization(authorization.getId());
		}
	}

}
