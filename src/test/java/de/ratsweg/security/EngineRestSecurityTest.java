package de.ratsweg.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.tenancy.Municipalities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API is closed to strangers and shows each user only what Camunda's
 * authorizations grant.
 */
@RatswegSpringTest
class EngineRestSecurityTest {

	static final String PASSWORD = "Test-User-Secret-4711";

	static final String STAFF = "teststaff";

	static final String OFFICE = "testoffice";

	/** Only for failed logins: the engine throttles a user after a wrong password. */
	static final String CARELESS = "testcareless";

	static final String ADMIN = "testadmin";

	static final String ADMIN_PASSWORD = "Kreishaus-Secret-4711";

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentitySetup identitySetup;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Municipalities municipalities;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@TempDir
	Path temporaryFolder;

	ProcessInstance instance;

	@BeforeEach
	void usersAndATaskForTheCommitteeOffice() {
		this.identitySetup.ensureUser(STAFF, PASSWORD, "Sina", "Sachbearbeiterin", null);
		this.identitySetup.ensureMembership(STAFF, RatswegGroups.STAFF);
		this.municipalities.ensureTenants();
		this.municipalities.ensureMember(STAFF, "soest");
		// Starts land in the starter's municipality; the test administrator works for
		// Soest.
		this.municipalities.ensureMember(ADMIN, "soest");
		this.identitySetup.ensureUser(OFFICE, PASSWORD, "Rainer", "Ratsbüro", null);
		this.identitySetup.ensureMembership(OFFICE, RatswegGroups.COMMITTEE_OFFICE);
		this.identitySetup.ensureUser(CARELESS, PASSWORD, "Max", "Vergesslich", null);
		this.instance = this.runtimeService.startProcessInstanceByKey("ReviewRequestProcess",
				"rest-security-" + UUID.randomUUID());
	}

	@AfterEach
	void removeInstance() {
		this.runtimeService.deleteProcessInstanceIfExists(this.instance.getId(), "test finished", true, true, true,
				true);
	}

	@Test
	void requestWithoutCredentialsIsRefusedWith401() {
		ResponseEntity<String> response = this.http.getForEntity("/engine-rest/process-definition", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}

	@Test
	void wrongPasswordIsRefusedWith401() {
		ResponseEntity<String> response = this.http.withBasicAuth(CARELESS, "wrong-password")
			.getForEntity("/engine-rest/process-definition", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void browserRequestOnBehalfOfAnotherSiteIsRefused() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Sec-Fetch-Site", "cross-site");

		ResponseEntity<String> crossSite = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.exchange("/engine-rest/process-definition?maxResults=100", HttpMethod.GET, new HttpEntity<>(headers),
					String.class);
		headers.set("Sec-Fetch-Site", "same-origin");
		ResponseEntity<String> sameOrigin = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.exchange("/engine-rest/process-definition?maxResults=100", HttpMethod.GET, new HttpEntity<>(headers),
					String.class);

		assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(sameOrigin.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aBrowserRequestFromAnotherOriginIsRefusedEvenWithoutFetchMetadata() {
		HttpHeaders foreign = new HttpHeaders();
		foreign.add("Origin", "https://example.org");
		HttpHeaders own = new HttpHeaders();
		own.add("Origin", this.http.getRootUri());

		ResponseEntity<String> fromElsewhere = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.exchange("/engine-rest/process-definition?maxResults=100", HttpMethod.GET, new HttpEntity<>(foreign),
					String.class);
		ResponseEntity<String> fromHere = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.exchange("/engine-rest/process-definition?maxResults=100", HttpMethod.GET, new HttpEntity<>(own),
					String.class);

		assertThat(fromElsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(fromHere.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void staffUserCannotDeploy() {
		ResponseEntity<String> response = deploy(STAFF, PASSWORD, "StaffDeployedProcess.bpmn",
				simpleProcess("StaffDeployedProcess", "Von Sachbearbeitung"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("AuthorizationException");
		assertNoStackTrace(response.getBody());
		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("StaffDeployedProcess")
			.count()).isZero();
	}

	@Test
	void administratorCanDeployThroughRest() {
		ResponseEntity<String> response = deploy(ADMIN, ADMIN_PASSWORD, "AdminDeployedProcess.bpmn",
				simpleProcess("AdminDeployedProcess", "Aus dem Modeler"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		String deploymentId = this.repositoryService.createDeploymentQuery()
			.deploymentName("rest-test")
			.singleResult()
			.getId();
		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("AdminDeployedProcess")
			.count()).isEqualTo(1);
		this.repositoryService.deleteDeployment(deploymentId, true);
	}

	@Test
	void staffUserDoesNotSeeTaskOfAnotherGroup() {
		Task task = this.taskService.createTaskQuery().processInstanceId(this.instance.getId()).singleResult();

		ResponseEntity<List> list = this.http.withBasicAuth(STAFF, PASSWORD)
			.getForEntity("/engine-rest/task?maxResults=100&processInstanceId=" + this.instance.getId(), List.class);
		ResponseEntity<String> single = this.http.withBasicAuth(STAFF, PASSWORD)
			.getForEntity("/engine-rest/task/" + task.getId(), String.class);
		ResponseEntity<String> complete = this.http.withBasicAuth(STAFF, PASSWORD)
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete", RestWork.json("{}"), String.class);

		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).isEmpty();
		assertThat(single.getStatusCode().value()).isIn(403, 404);
		assertThat(complete.getStatusCode().value()).isIn(403, 404);
		assertThat(this.taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
	}

	@Test
	void committeeOfficeSeesItsOwnTask() {
		Task task = this.taskService.createTaskQuery().processInstanceId(this.instance.getId()).singleResult();

		ResponseEntity<List> list = this.http.withBasicAuth(OFFICE, PASSWORD)
			.getForEntity("/engine-rest/task?maxResults=100&processInstanceId=" + this.instance.getId(), List.class);

		assertThat(list.getBody()).singleElement()
			.satisfies((item) -> assertThat(((Map<?, ?>) item).get("id")).isEqualTo(task.getId()));
	}

	@Test
	void bpmnWithExternalEntityIsRejectedWithoutLeakingFileContents() throws Exception {
		String secret = "RATSWEG-SECRET-" + UUID.randomUUID();
		Path secretFile = Files.writeString(this.temporaryFolder.resolve("secret.txt"), secret);
		String model = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM \""
				+ secretFile.toUri() + "\"> ]>\n" + simpleProcess("XxeProcess", "&xxe;").substring(39);

		ResponseEntity<String> response = deploy(ADMIN, ADMIN_PASSWORD, "XxeProcess.bpmn", model);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("DOCTYPE is disallowed").doesNotContain(secret);
		assertNoStackTrace(response.getBody());
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("XxeProcess").count())
			.isZero();
	}

	@Test
	void javaSerializedVariableIsRefused() {
		String businessKey = "java-serialized-" + UUID.randomUUID();
		String serialized = Base64.getEncoder().encodeToString(new byte[] { (byte) 0xac, (byte) 0xed, 0x00, 0x05 });
		String body = """
				{"businessKey": "%s",
				 "variables": {"payload": {"type": "Object", "value": "%s",
				   "valueInfo": {"objectTypeName": "java.util.ArrayList",
				                 "serializationDataFormat": "application/x-java-serialized-object"}}}}
				""".formatted(businessKey, serialized);

		ResponseEntity<String> response = this.http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
			.postForEntity("/engine-rest/process-definition/key/ReviewRequestProcess/start", RestWork.json(body),
					String.class);

		assertThat(response.getStatusCode().isError()).as("status %s", response.getStatusCode()).isTrue();
		assertThat(response.getBody()).contains("Java serialization format is prohibited");
		assertNoStackTrace(response.getBody());
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
			.isZero();
	}

	private ResponseEntity<String> deploy(String user, String password, String fileName, String model) {
		return RestWork.deploy(this.http.withBasicAuth(user, password), fileName, model);
	}

	static String simpleProcess(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				             targetNamespace="https://ratsweg.de/test">
				  <process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="StartEvent_Started" />
				  </process>
				</definitions>
				""".formatted(key, name);
	}

	static void assertNoStackTrace(String body) {
		assertThat(body).doesNotContain("\tat ").doesNotContainPattern("at [a-z]+\\.[a-z]+\\.[\\w.$]+\\(");
	}

}
