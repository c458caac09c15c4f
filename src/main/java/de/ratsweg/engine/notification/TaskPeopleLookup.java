package de.ratsweg.engine.notification;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.ObjectProvider;

import de.ratsweg.notification.TaskPeople;
import de.ratsweg.substitution.Substitutes;

/**
 * Finds the people of a task ({@link TaskPeople}) with the engine's identity service and
 * the current absences. Runs inside engine commands.
 */
class TaskPeopleLookup {

	private final ObjectProvider<Substitutes> substitutes;

	TaskPeopleLookup(ObjectProvider<Substitutes> substitutes) {
		this.substitutes = substitutes;
	}

	TaskPeople of(DelegateTask task) {
		return TaskPeople.of(task.getTenantId(), task.getAssignee(), task.getCandidates());
	}

	TaskPeople of(Task task) {
		return TaskPeople.of(task.getTenantId(), task.getAssignee(),
				Context.getProcessEngineConfiguration().getTaskService().getIdentityLinksForTask(task.getId()));
	}

	Set<String> workers(TaskPeople people) {
		Substitutes none = (userId, tenantId, groups) -> java.util.List.of();
		return people.workers(identityService(), this.substitutes.getIfAvailable(() -> none));
	}

	/** The leads told about this one task (also of a personal task's persons). */
	Set<String> leads(TaskPeople people) {
		return people.leads(identityService(), true);
	}

	/** The leads of the task's groups, who find it in their digest. */
	Set<String> groupLeads(TaskPeople people) {
		return people.leads(identityService(), false);
	}

	private static IdentityService identityService() {
		return Context.getProcessEngineConfiguration().getIdentityService();
	}

}
