package de.ratsweg.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.WebappSession;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task stays with the people of its municipality: it is given only to them and to
 * Ratsweg's work groups, candidates neither rename it nor take its group off it, comments
 * are short notes on open tasks of one's own work, and staff change their password but
 * not the name the decision record shows. Another municipality's task looks exactly like
 * one that does not exist.
 */
@RatswegSpringTest
class TasksStayWithTheirPeopleTest {

	private static final String WEBAPP_API = "/camunda/api/engine/engine/default";

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	private final ProcessEngine engine;

	private final ApplicationContext context;

	private final TestRestTemplate http;

	private final RestWork rest;

	private Task soestTask;

	private Task mendenTask;

	@Autowired
	TasksStayWithTheirPeopleTest(ProcessEngine engine, ApplicationContext context, TestRestTemplate http) {
		this.engine = engine;
		this.context = context;
		this.http = http;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
	}

	/**
	 * A project in Soest and one in Menden wait for their treasuries; Thomas Schulz has
	 * taken Soest's.
	 */
	@BeforeEach
	void aProjectInEachCity() {
		this.soestTask = coSigningOfTreasury(DemoRoster.STAFF);
		this.mendenTask = coSigningOfTreasury(DemoRoster.MENDEN_STAFF);
		assertThat(this.rest.claim(DemoRoster.TREASURY, this.soestTask.getId()).getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void aTaskGoesOnlyToPeopleOfItsMunicipalityAndToWorkGroups() {
		String id = this.soestTask.getId();
		ResponseEntity<String> toMenden = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/assignee",
				"{\"userId\": \"" + DemoRoster.MENDEN_TREASURY + "\"}", id);
		ResponseEntity<String> toNobody = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/assignee",
				"{\"userId\": \"niemand\"}", id);
		ResponseEntity<String> ownerInMenden = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/identity-links",
				"{\"userId\": \"" + DemoRoster.MENDEN_MAYOR + "\", \"type\": \"owner\"}", id);
		ResponseEntity<String> toAdministrators = rest(DemoRoster.TREASURY, HttpMethod.POST,
				"/task/{id}/identity-links", "{\"groupId\": \"camunda-admin\", \"type\": \"candidate\"}", id);
		ResponseEntity<String> toAColleague = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/assignee",
				"{\"userId\": \"" + DemoRoster.TREASURY_LEAD + "\"}", id);

		assertThat(List.of(toMenden, toNobody, ownerInMenden, toAdministrators)).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
		});
		assertThat(toMenden.getBody().replace(DemoRoster.MENDEN_TREASURY, "?"))
			.as("someone of another city is refused like someone who does not exist")
			.isEqualTo(toNobody.getBody().replace("niemand", "?"));
		assertThat(toMenden.getBody())
			.contains("Aufgaben gehen nur an Personen der Stadt, zu der das Vorhaben gehört.");
		assertThat(toAdministrators.getBody()).contains("Aufgaben gehen nur an die Arbeitsgruppen von Ratsweg.");
		assertThat(toAColleague.getStatusCode().value()).as("a colleague of the same city").isEqualTo(204);
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(id)).extracting(IdentityLink::getGroupId)
			.doesNotContain("camunda-admin");
	}

	@Test
	void candidatesNeitherRenameATaskNorTakeItsGroupOffIt() {
		String id = this.soestTask.getId();
		Map<String, Object> task = this.rest.as(DemoRoster.TREASURY)
			.exchange("/engine-rest/task/{id}", HttpMethod.GET, null, RestWork.OBJECT, id)
			.getBody();
		task.remove("camundaFormRef"); // a read-only property Camunda cannot read back
		Map<String, Object> renamed = new LinkedHashMap<>(task);
		renamed.put("name", "Bitte neu anmelden: https://example.org/x");
		renamed.put("description", "[Hier](https://example.org/x)");
		Map<String, Object> followUp = new LinkedHashMap<>(task);
		followUp.put("followUp", "2099-01-05T00:00:00.000+0100");
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.TREASURY, DemoRoster.PASSWORD);

		ResponseEntity<String> rest = this.rest.as(DemoRoster.TREASURY)
			.exchange("/engine-rest/task/{id}", HttpMethod.PUT, RestWork.json(renamed), String.class, id);
		ResponseEntity<String> webapps = tasklist.send(HttpMethod.PUT, WEBAPP_API + "/task/" + id, json(renamed));
		ResponseEntity<String> dropGroup = rest(DemoRoster.TREASURY, HttpMethod.POST,
				"/task/{id}/identity-links/delete", "{\"groupId\": \"kaemmerei\", \"type\": \"candidate\"}", id);
		ResponseEntity<String> laterFollowUp = this.rest.as(DemoRoster.TREASURY)
			.exchange("/engine-rest/task/{id}", HttpMethod.PUT, RestWork.json(followUp), String.class, id);

		assertThat(List.of(rest, webapps, dropGroup)).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
		});
		assertThat(rest.getBody())
			.contains("Name, Beschreibung und Priorität einer Aufgabe legt das Prozessmodell fest.");
		assertThat(dropGroup.getBody()).contains("Wem eine Aufgabe angeboten ist, ändert nur die Administration.");
		assertThat(laterFollowUp.getStatusCode().value()).as("%s", laterFollowUp.getBody()).isEqualTo(204);
		Task after = this.engine.getTaskService().createTaskQuery().taskId(id).singleResult();
		assertThat(after.getName()).isEqualTo(this.soestTask.getName());
		assertThat(after.getDescription()).isEqualTo(this.soestTask.getDescription());
		assertThat(after.getFollowUpDate()).isNotNull();
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(id)).extracting(IdentityLink::getGroupId)
			.contains("kaemmerei");
	}

	@Test
	void commentsAreShortNotesOnOpenTasksOfOnesOwnWork() {
		String id = this.soestTask.getId();
		String mendenProject = this.mendenTask.getProcessInstanceId();

		ResponseEntity<String> byOutsider = rest(DemoRoster.IT, HttpMethod.POST, "/task/{id}/comment/create",
				"{\"message\": \"fremd\"}", id);
		ResponseEntity<String> intoMenden = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/comment/create",
				"{\"message\": \"fremd\", \"processInstanceId\": \"" + mendenProject + "\"}", id);
		ResponseEntity<String> tooLong = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/comment/create",
				"{\"message\": \"" + "x".repeat(2001) + "\"}", id);
		ResponseEntity<String> note = rest(DemoRoster.TREASURY, HttpMethod.POST, "/task/{id}/comment/create",
				"{\"message\": \"Haushaltsmittel sind im Entwurf 2027 vorgesehen.\"}", id);

		assertThat(List.of(byOutsider, intoMenden, tooLong)).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
		});
		assertThat(byOutsider.getBody())
			.contains("Kommentare gibt es nur zu offenen Aufgaben, an denen Sie arbeiten dürfen.");
		assertThat(intoMenden.getBody()).contains("Ein Kommentar gehört zu seiner Aufgabe und deren Vorgang.");
		assertThat(tooLong.getBody()).contains("Ein Kommentar hat höchstens 2000 Zeichen (dieser hat 2001).");
		assertThat(note.getStatusCode().value()).as("%s", note.getBody()).isEqualTo(200);
		assertThat(this.engine.getTaskService().getTaskComments(id)).extracting(Comment::getFullMessage)
			.containsExactly("Haushaltsmittel sind im Entwurf 2027 vorgesehen.");
		assertThat(this.engine.getTaskService().getProcessInstanceComments(mendenProject)).isEmpty();
	}

	@Test
	void staffChangeTheirPasswordButNotTheNameTheRecordShows() {
		String user = "profil" + System.nanoTime();
		this.context.getBean(IdentitySetup.class).ensureUser(user, DemoRoster.PASSWORD, "Paul", "Profil", null);

		ResponseEntity<String> renamed = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
			.exchange("/engine-rest/user/{id}/profile", HttpMethod.PUT, RestWork.json(
					Map.of("id", user, "firstName", "Heike", "lastName", "Becker", "email", "hbecker@demo.ratsweg.de")),
					String.class, user);
		ResponseEntity<String> newPassword = this.http.withBasicAuth(user, DemoRoster.PASSWORD)
			.exchange(
					"/engine-rest/user/{id}/credentials", HttpMethod.PUT, RestWork.json(Map.of("password",
							"Neues-Kennwort-2027", "authenticatedUserPassword", DemoRoster.PASSWORD)),
					String.class, user);

		assertThat(renamed.getStatusCode().value()).as("%s", renamed.getBody()).isEqualTo(403);
		assertThat(renamed.getBody()).contains("Name und E-Mail-Adresse pflegt die Administration.");
		assertThat(newPassword.getStatusCode().value()).as("%s", newPassword.getBody()).isEqualTo(204);
		assertThat(this.engine.getIdentityService().createUserQuery().userId(user).singleResult().getLastName())
			.isEqualTo("Profil");
		assertThat(this.engine.getIdentityService().checkPassword(user, "Neues-Kennwort-2027")).isTrue();
	}

	@Test
	void anotherCitysTaskOrProjectLooksExactlyLikeOneThatDoesNotExist() {
		String unknownTask = UUID.randomUUID().toString();
		String unknownProject = UUID.randomUUID().toString();
		String task = this.mendenTask.getId();
		String project = this.mendenTask.getProcessInstanceId();
		WebappSession tasklist = WebappSession.login(this.http, "tasklist", DemoRoster.TREASURY, DemoRoster.PASSWORD);
		List<String[]> requests = List.of(new String[] { "GET", "/task/%s" },
				new String[] { "POST", "/task/%s/claim", "{\"userId\": \"tschulz\"}" },
				new String[] { "POST", "/task/%s/complete", "{}" },
				new String[] { "POST", "/task/%s/submit-form", "{\"variables\": {}}" },
				new String[] { "GET", "/task/%s/form-variables" }, new String[] { "GET", "/task/%s/variables" },
				new String[] { "GET", "/task/%s/identity-links" }, new String[] { "GET", "/task/%s/comment" },
				new String[] { "POST", "/task/%s/comment/create", "{\"message\": \"x\"}" },
				new String[] { "GET", "/task/%s/form" }, new String[] { "GET", "/task/%s/deployed-form" },
				new String[] { "POST", "/task/%s/assignee", "{\"userId\": \"tschulz\"}" });
		List<String[]> projectRequests = List.of(new String[] { "GET", "/process-instance/%s" },
				new String[] { "GET", "/process-instance/%s/variables" },
				new String[] { "GET", "/process-instance/%s/activity-instances" },
				new String[] { "GET", "/history/process-instance/%s" });

		List<String> differences = new ArrayList<>();
		compare(requests, task, unknownTask, tasklist, differences);
		compare(projectRequests, project, unknownProject, tasklist, differences);
		assertThat(differences).as("requests where another city's id answers otherwise than an unknown one").isEmpty();
	}

	private void compare(List<String[]> requests, String foreign, String unknown, WebappSession tasklist,
			List<String> differences) {
		for (String[] request : requests) {
			HttpMethod method = HttpMethod.valueOf(request[0]);
			String json = (request.length > 2) ? request[2] : null;
			ResponseEntity<String> ofMenden = rest(DemoRoster.TREASURY, method, request[1].formatted(foreign), json,
					"");
			ResponseEntity<String> ofNobody = rest(DemoRoster.TREASURY, method, request[1].formatted(unknown), json,
					"");
			ResponseEntity<String> webappsOfMenden = tasklist.send(method, WEBAPP_API + request[1].formatted(foreign),
					json);
			String answer = ofMenden.getStatusCode().value() + " "
					+ String.valueOf(ofMenden.getBody()).replace(foreign, "?");
			String unknownAnswer = ofNobody.getStatusCode().value() + " "
					+ String.valueOf(ofNobody.getBody()).replace(unknown, "?");
			String webappsAnswer = webappsOfMenden.getStatusCode().value() + " "
					+ String.valueOf(webappsOfMenden.getBody()).replace(foreign, "?");
			if (!answer.equals(unknownAnswer) || !webappsAnswer.equals(unknownAnswer)
					|| ofMenden.getStatusCode().is2xxSuccessful()) {
				differences.add("%s %s: Menden %s | unknown %s | webapps %s".formatted(request[0], request[1], answer,
						unknownAnswer, webappsAnswer));
			}
		}
	}

	private Task coSigningOfTreasury(String staff) {
		ResponseEntity<Map<String, Object>> started = this.rest.start(staff, "SmartCityProjectProcess",
				"people-" + System.nanoTime(), ProjectIdeas.smartStreetLighting());
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		String coSigning = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId((String) started.getBody().get("id"))
			.singleResult()
			.getId();
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(coSigning)
			.taskCandidateGroup(RatswegGroups.TREASURY)
			.singleResult();
	}

	private ResponseEntity<String> rest(String user, HttpMethod method, String path, String json, String id) {
		return this.rest.as(user)
			.exchange("/engine-rest" + path, method, (json != null) ? RestWork.json(json) : null, String.class, id);
	}

	private static String json(Map<String, Object> body) {
		try {
			return new ObjectMapper().writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
