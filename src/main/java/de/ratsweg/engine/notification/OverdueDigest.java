package de.ratsweg.engine.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import de.ratsweg.notification.TaskPeople;

/**
 * The daily digest of overdue tasks ({@code OverdueTasksDigestProcess}): one mail to each
 * person who works on an overdue task or could take it over, and to the leads of its
 * groups. Each mail is its own job and lists the recipient's overdue tasks as they are
 * when it is sent.
 */
@Component("overdueDigest")
public class OverdueDigest {

	private static final Logger log = LoggerFactory.getLogger(OverdueDigest.class);

	private static final int PAGE = 500;

	private final NotificationHooks plugin;

	OverdueDigest(NotificationHooks plugin) {
		this.plugin = plugin;
	}

	public void send(DelegateExecution execution) {
		if (!this.plugin.mailJobs().enabled()) {
			log.info("Overdue digest skipped: no SMTP host configured");
			return;
		}
		TaskService taskService = execution.getProcessEngineServices().getTaskService();
		TaskPeopleLookup people = this.plugin.people();
		Set<String> recipients = new LinkedHashSet<>();
		int overdue = 0;
		for (int first = 0;; first += PAGE) {
			List<Task> page = taskService.createTaskQuery()
				.dueBefore(ClockUtil.getCurrentTime())
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			for (Task task : page) {
				TaskPeople taskPeople = people.of(task);
				recipients.addAll(people.workers(taskPeople));
				recipients.addAll(people.groupLeads(taskPeople));
			}
			overdue += page.size();
			if (page.size() < PAGE) {
				break;
			}
		}
		this.plugin.mailJobs()
			.queue(Mail.Kind.OVERDUE_DIGEST, null, null, execution.getProcessDefinitionId(), recipients);
		log.info("Overdue digest: {} overdue tasks, {} mails queued", overdue, recipients.size());
	}

}
