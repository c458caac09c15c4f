package de.ratsweg.substitution;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * A task as substitution sees it, inside a listener (the task being created or assigned)
 * or from outside (a timer, an absence recorded or removed): the same reads and changes,
 * made on the task object in a listener and through the task service outside. Ratsweg
 * remembers in the task variable {@value #OFFERED_TO} whom it offered the task to, so
 * that it withdraws only those offers, never a candidate the model named.
 *
 * @param id the task's id
 * @param assignee its assignee, or null
 * @param tenantId its municipality
 * @param links reads its identity links
 * @param offered reads the variable {@value #OFFERED_TO}
 * @param setOffered writes the variable {@value #OFFERED_TO}
 * @param addCandidate makes a user candidate
 * @param deleteCandidate removes a user as candidate
 * @param authorizations where the engine keeps the candidate's task permission
 */
record SubstitutedTask(String id, String assignee, String tenantId, Supplier<Collection<? extends IdentityLink>> links,
		Supplier<Object> offered, Consumer<String> setOffered, Consumer<String> addCandidate,
		Consumer<String> deleteCandidate, AuthorizationService authorizations) {

	/** Task variable: the substitutes Ratsweg offered the task to, comma-separated. */
	static final String OFFERED_TO = "offeredToSubstitutes";

	static SubstitutedTask of(DelegateTask task) {
		return new SubstitutedTask(task.getId(), task.getAssignee(), task.getTenantId(), task::getCandidates,
				() -> task.getVariableLocal(OFFERED_TO), (value) -> task.setVariableLocal(OFFERED_TO, value),
				task::addCandidateUser, task::deleteCandidateUser,
				task.getProcessEngineServices().getAuthorizationService());
	}

	static SubstitutedTask of(Task task, ProcessEngine engine) {
		TaskService tasks = engine.getTaskService();
		String id = task.getId();
		return new SubstitutedTask(id, task.getAssignee(), task.getTenantId(), () -> tasks.getIdentityLinksForTask(id),
				() -> tasks.getVariableLocal(id, OFFERED_TO), (value) -> tasks.setVariableLocal(id, OFFERED_TO, value),
				bind(tasks::addCandidateUser, id), bind(tasks::deleteCandidateUser, id),
				engine.getAuthorizationService());
	}

	List<String> candidateGroups() {
		return candidates(true);
	}

	List<String> candidateUsers() {
		return candidates(false);
	}

	List<String> offeredToSubstitutes() {
		return (this.offered.get() instanceof String text && !text.isBlank()) ? Arrays.asList(text.split(","))
				: List.of();
	}

	void setOfferedToSubstitutes(List<String> substitutes) {
		this.setOffered.accept(String.join(",", substitutes));
	}

	void addCandidateUser(String userId) {
		this.addCandidate.accept(userId);
	}

	/**
	 * Removes the user as candidate, with the task permission the engine gave them for it
	 * (the engine leaves that permission behind).
	 */
	void withdrawFrom(String userId) {
		this.deleteCandidate.accept(userId);
		for (Authorization authorization : this.authorizations.createAuthorizationQuery()
			.userIdIn(userId)
			.resourceType(Resources.TASK)
			.resourceId(this.id)
			.list()) {
			this.authorizations.deleteAuthorization(authorization.getId());
		}
	}

	private List<String> candidates(boolean groups) {
		return this.links.get()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map((link) -> groups ? link.getGroupId() : link.getUserId())
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static Consumer<String> bind(BiConsumer<String, String> action, String taskId) {
		return (userId) -> action.accept(taskId, userId);
	}

}
