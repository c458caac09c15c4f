package de.ratsweg.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectWork;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.TestProfiles;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A treasury clerk of Soest has taken a co-signing task and leaves: IT disables the
 * account. The task goes to the treasury's lead in Soest, with a comment saying why; a
 * task of a group without a lead goes back to the group.
 */
@RatswegSpringTest
@Tag(TestProfiles.IDENTITY_ONLY_TAG)
class LeaversTasksTest {

	private final ProcessEngine engine;

	private final TaskService tasks;

	private final RestWork rest;

	private final LeaversTasks leavers;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	LeaversTasksTest(ProcessEngine engine, TestRestTemplate http, LeaversTasks leavers) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
		this.leavers = leavers;
	}

	@Test
	void theTasksOfAClerkWhoseAccountIsDisabledGoToTheLeadOfTheGroup() {
		String businessKey = ProjectWork.ideaSubmittedBy(this.rest, DemoRoster.STAFF, "leaver");
		String treasury = task(businessKey, "kaemmerei");
		String it = task(businessKey, "fb-it");
		this.tasks.claim(treasury, "ovoss");
		this.tasks.claim(it, DemoRoster.IT);
		assertThat(this.leavers.handOver()).as("nobody has left yet").isZero();

		TestDirectory.setDisabled("ovoss", true);
		try {
			assertThat(this.leavers.handOver()).isEqualTo(1);
			assertThat(this.tasks.createTaskQuery().taskId(treasury).singleResult().getAssignee())
				.isEqualTo(DemoRoster.TREASURY_LEAD);
			assertThat(this.tasks.createTaskQuery().taskId(it).singleResult().getAssignee())
				.as("an active colleague keeps their task")
				.isEqualTo(DemoRoster.IT);
			List<Comment> comments = this.tasks.getTaskComments(treasury);
			assertThat(comments).extracting(Comment::getFullMessage)
				.containsExactly("Das Konto „ovoss“ ist nicht mehr aktiv; die Aufgabe ging an die Leitung „akaiser“.");
			assertThat(this.leavers.handOver()).as("nothing left to hand over").isZero();
		}
		finally {
			TestDirectory.setDisabled("ovoss", false);
		}
	}

	@Test
	void theTaskOfALeaverInAGroupWithoutLeadGoesBackToTheGroup() {
		String businessKey = ProjectWork.ideaSubmittedBy(this.rest, DemoRoster.STAFF, "leaver");
		String it = task(businessKey, "fb-it");
		this.tasks.claim(it, DemoRoster.IT);
		TestDirectory.setDisabled(DemoRoster.IT, true);
		try {
			assertThat(this.leavers.handOver()).isEqualTo(1);
			assertThat(this.tasks.createTaskQuery().taskId(it).singleResult().getAssignee()).isNull();
			assertThat(this.tasks.createTaskQuery().taskId(it).taskCandidateGroup("fb-it").count()).isOne();
		}
		finally {
			TestDirectory.setDisabled(DemoRoster.IT, false);
		}
	}

	private String task(String businessKey, String group) {
		return ProjectWork.taskOfGroup(this.engine, businessKey, group);
	}

}
