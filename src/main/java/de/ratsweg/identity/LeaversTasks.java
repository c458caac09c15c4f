package de.ratsweg.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;

/**
 * Tasks of leavers go to the lead of their group: when IT disables an account in the
 * directory (or removes the person), the tasks the person had taken are handed to a lead
 * ({@code leitung}) of the task's group in the task's municipality, or, where the group
 * has no lead, back to the group. A comment on the task says why. Runs every
 * {@code ratsweg.identity.leavers.sweep-interval} on every node (handing a task over
 * twice gives the same result).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "ratsweg.identity.directory.enabled", havingValue = "true")
public class LeaversTasks {

	private static final Logger log = LoggerFactory.getLogger(LeaversTasks.class);

	private final TaskService taskService;

	private final IdentityService identityService;

	LeaversTasks(TaskService taskService, IdentityService identityService) {
		this.taskService = taskService;
		this.identityService = identityService;
	}

	/** Hands over the tasks of people the directory no longer has as active. */
	@Scheduled(fixedDelayString = "${ratsweg.identity.leavers.sweep-interval:PT15M}",
			initialDelayString = "${ratsweg.identity.leavers.sweep-interval:PT15M}")
	public int handOver() {
		Map<String, Boolean> active = new HashMap<>();
		int handedOver = 0;
		for (Task task : this.taskService.createTaskQuery().taskAssigned().active().unlimitedList()) {
			String assignee = task.getAssignee();
			if (active.computeIfAbsent(assignee,
					(userId) -> this.identityService.createUserQuery().userId(userId).count() > 0)) {
				continue;
			}
			try {
				handOver(task, assignee);
				handedOver++;
			}
			catch (RuntimeException ex) {
				// Another node handed it over, or the task was completed meanwhile.
				log.debug("Task {} of leaver '{}' not handed over: {}", task.getId(), assignee, ex.getMessage());
			}
		}
		return handedOver;
	}

	private void handOver(Task task, String leaver) {
		String lead = leadFor(task);
		this.taskService.setAssignee(task.getId(), lead);
		String text = (lead != null)
				? "Das Konto „%s“ ist nicht mehr aktiv; die Aufgabe ging an die Leitung „%s“.".formatted(leaver, lead)
				: "Das Konto „%s“ ist nicht mehr aktiv; die Aufgabe ist wieder bei der Gruppe.".formatted(leaver);
		this.taskService.createComment(task.getId(), task.getProcessInstanceId(), text);
		log.info("Task {} of '{}', whose account is no longer active, handed to {}", task.getId(), leaver,
				(lead != null) ? "lead '" + lead + "'" : "its groups");
	}

	/** A lead of one of the task's groups in the task's municipality, or null. */
	private String leadFor(Task task) {
		if (task.getTenantId() == null) {
			return null;
		}
		List<String> groups = this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		List<User> leads = this.identityService.createUserQuery()
			.memberOfGroup(RatswegGroups.LEADS)
			.memberOfTenant(task.getTenantId())
			.orderByUserId()
			.asc()
			.unlimitedList();
		for (String group : groups) {
			for (User lead : leads) {
				if (this.identityService.createUserQuery().userId(lead.getId()).memberOfGroup(group).count() > 0) {
					return lead.getId();
				}
			}
		}
		return null;
	}

}
