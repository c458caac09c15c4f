package de.ratsweg.substitution;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.beans.factory.ObjectProvider;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.kernel.ProcessRecords;

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
public class SubstitutionListener implements TaskListener {

	/** Task variable: the absent user a substitute took the task over from. */
	static final String ON_BEHALF_OF = "onBehalfOf";

	/** Task variable kept in history: the absent user for whom the task was completed. */
	static final String COMPLETED_ON_BEHALF_OF = "completedOnBehalfOf";

	private final ObjectProvider<AbsenceService> absences;

	public SubstitutionListener(ObjectProvider<AbsenceService> absences) {
		this.absences = absences;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> {
				// a new task carries no earlier offers: only an assigned one has anything
				// to do
				if (task.getAssignee() != null) {
					offerToSubstitutes(task);
				}
			}
			case EVENTNAME_ASSIGNMENT -> {
				if (EngineExtensions.previousValue(task, EngineExtensions.ASSIGNEE) == null) {
					// taken from the open tasks: nobody stood in for anyone, and giving
					// the
					// task back withdrew every offer; only an absent new assignee matters
					if (isAbsent(task.getAssignee(), task)) {
						offerToSubstitutes(task);
					}
					return;
				}
				rememberWhomTheSubstituteStandsInFor(task);
				offerToSubstitutes(task);
			}
			case EVENTNAME_COMPLETE -> recordOnBehalfOf(task);
			default -> {
			}
		}
	}

	private boolean isAbsent(String userId, DelegateTask task) {
		return service().isAway(userId, task.getTenantId())
				&& !service().standingInFor(userId, task.getTenantId(), candidateGroups(task)).isEmpty();
	}

	private void offerToSubstitutes(DelegateTask task) {
		service().reconcile(SubstitutedTask.of(task));
	}

	/**
	 * A substitute who takes a task over from the absent colleague does it on their
	 * behalf; any other assignment ends that.
	 */
	private void rememberWhomTheSubstituteStandsInFor(DelegateTask task) {
		Object previous = EngineExtensions.previousValue(task, EngineExtensions.ASSIGNEE);
		if (previous instanceof String absent && task.getAssignee() != null && !absent.equals(task.getAssignee())
				&& service().standingInFor(absent, task.getTenantId(), candidateGroups(task))
					.contains(task.getAssignee())) {
			task.setVariableLocal(ON_BEHALF_OF, absent);
		}
		else if (task.hasVariableLocal(ON_BEHALF_OF)) {
			task.removeVariableLocal(ON_BEHALF_OF);
		}
	}

	/**
	 * The substitute completes the absent colleague's task: either the task is still
	 * assigned to the colleague, or the substitute took it over from them.
	 */
	private void recordOnBehalfOf(DelegateTask task) {
		String actor = ProcessRecords.currentUser(task.getExecution());
		if (actor == null) {
			return;
		}
		String absent = null;
		Object tookOverFrom = task.getVariableLocal(ON_BEHALF_OF);
		if (tookOverFrom instanceof String from && actor.equals(task.getAssignee()) && !actor.equals(from)) {
			absent = from;
		}
		else if (task.getAssignee() != null && !actor.equals(task.getAssignee())
				&& service().standingInFor(task.getAssignee(), task.getTenantId(), candidateGroups(task))
					.contains(actor)) {
			absent = task.getAssignee();
		}
		if (absent == null) {
			return;
		}
		task.setVariableLocal(COMPLETED_ON_BEHALF_OF, absent);
		task.getProcessEngineServices()
			.getTaskService()
			.createComment(task.getId(), task.getProcessInstanceId(), "Erledigt von %s in Vertretung für %s."
				.formatted(service().nameOf(actor), service().nameOf(absent)));
	}

	private static List<String> candidateGroups(DelegateTask task) {
		return SubstitutedTask.of(task).candidateGroups();
	}

	private AbsenceService service() {
		return this.absences.getObject();
	}

}
