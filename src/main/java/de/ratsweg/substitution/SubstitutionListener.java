package de.ratsweg.substitution;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Substitution at the moment it matters, on every user task:
 * <ul>
 * <li>a task assigned to an absent user is offered to their substitute right away;</li>
 * <li>when the substitute takes such a task over, it remembers for whom;</li>
 * <li>when the substitute completes it, history records "on behalf of": the task variable
 * {@value #COMPLETED_ON_BEHALF_OF} (the absent user's id) and a comment in German that
 * names both.</li>
 * </ul>
 */
class SubstitutionListener implements TaskListener {

	/** Task variable: the absent user a substitute took the task over from. */
	static final String ON_BEHALF_OF = "onBehalfOf";

	/** Task variable kept in history: the absent user for whom the task was completed. */
	static final String COMPLETED_ON_BEHALF_OF = "completedOnBehalfOf";

	private final ObjectProvider<AbsenceService> absences;

	SubstitutionListener(ObjectProvider<AbsenceService> absences) {
		this.absences = absences;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> offerToSubstitutes(task);
			case EVENTNAME_ASSIGNMENT -> {
				rememberWhomTheSubstituteStandsInFor(task);
				offerToSubstitutes(task);
			}
			case EVENTNAME_COMPLETE -> recordOnBehalfOf(task);
			default -> {
			}
		}
	}

	private void offerToSubstitutes(DelegateTask task) {
		if (task.getAssignee() == null) {
			return;
		}
		List<String> groups = candidateGroups(task);
		for (String substitute : service().standingInFor(task.getAssignee(), task.getTenantId(), groups)) {
			if (task.getCandidates().stream().noneMatch((link) -> substitute.equals(link.getUserId()))) {
				task.addCandidateUser(substitute);
			}
		}
	}

	private void rememberWhomTheSubstituteStandsInFor(DelegateTask task) {
		if (!(task instanceof TaskEntity entity) || task.getAssignee() == null) {
			return;
		}
		PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
		Object previous = (change != null) ? change.getOrgValue() : null;
		if (previous instanceof String absent && !absent.equals(task.getAssignee())
				&& service().standingInFor(absent, task.getTenantId(), candidateGroups(task))
					.contains(task.getAssignee())) {
			task.setVariableLocal(ON_BEHALF_OF, absent);
		}
	}

	private void recordOnBehalfOf(DelegateTask task) {
		String actor = currentUser(task);
		String absent = (String) task.getVariableLocal(ON_BEHALF_OF);
		if (absent == null && actor != null && task.getAssignee() != null && !actor.equals(task.getAssignee())
				&& service().standingInFor(task.getAssignee(), task.getTenantId(), candidateGroups(task))
					.contains(actor)) {
			absent = task.getAssignee();
		}
		if (absent == null || actor == null) {
			return;
		}
		task.setVariableLocal(COMPLETED_ON_BEHALF_OF, absent);
		task.getProcessEngineServices()
			.getTaskService()
			.createComment(task.getId(), task.getProcessInstanceId(), "Erledigt von %s in Vertretung für %s."
				.formatted(service().nameOf(actor), service().nameOf(absent)));
	}

	private static List<String> candidateGroups(DelegateTask task) {
		return task.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static String currentUser(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

	private AbsenceService service() {
		return this.absences.getObject();
	}

}
