package de.ratsweg.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.RestWork;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only administrators change what runs: they alone deploy models and manage users. The
 * right to deploy is an administrator's right (a model's expressions reach the engine's
 * services); as a second line, someone an administrator nevertheless allows to deploy
 * (here a test group "modellierung") cannot deploy scripts, and scripts get no access to
 * the host.
 */
@RatswegSpringTest
class OnlyAdministratorsChangeWhatRunsTest {

	private static final String MODELER = "testmodeler";

	private static final String MODELERS = "modellierung";

	private final ApplicationContext context;

	private final RestWork rest;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final IdentitySetup identitySetup;

	@Autowired
	OnlyAdministratorsChangeWhatRunsTest(ApplicationContext context, TestRestTemplate http,
			RepositoryService repositoryService, IdentityService identityService, IdentitySetup identitySetup) {
		this.context = context;
		this.rest = new RestWork(http, DemoRoster.PASSWORD);
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.identitySetup = identitySetup;
	}

	@BeforeEach
	void aModelerWhoMayDeploy() {
		DemoRoster.createIn(this.context);
		this.identitySetup.ensureGroup(MODELERS, "Modellierung (Test)", "WORKFLOW");
		this.identitySetup.ensureUser(MODELER, DemoRoster.PASSWORD, "Mona", "Modell", null);
		this.identitySetup.ensureMembership(MODELER, MODELERS);
		this.identitySetup.grant(MODELERS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE);
	}

	@AfterEach
	void removeTestDeployments() {
		for (Deployment deployment : this.repositoryService.createDeploymentQuery()
			.deploymentName("rest-test")
			.unlimitedList()) {
			this.repositoryService.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void staffCannotDeploy() {
		ResponseEntity<String> response = this.rest.deploy(DemoRoster.STAFF, "StaffProcess.bpmn",
				EngineRestSecurityTest.simpleProcess("StaffProcess", "Von Sachbearbeitung"));

		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("StaffProcess").count())
			.isZero();
	}

	@Test
	void aModelerMayDeployAModelWithoutScripts() {
		ResponseEntity<String> response = this.rest.deploy(MODELER, "PlainProcess.bpmn",
				EngineRestSecurityTest.simpleProcess("PlainProcess", "Ohne Skript"));

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
	}

	@Test
	void onlyAdministratorsDeployAScriptTask() {
		String model = process("ScriptTaskProcess", """
				<scriptTask id="Task_Script" scriptFormat="javascript"><script>1 + 1</script></scriptTask>
				""");

		assertRefused(this.rest.deploy(MODELER, "ScriptTaskProcess.bpmn", model), "Task_Script");
		assertThat(this.rest.deploy(DemoRoster.ADMIN, "ScriptTaskProcess.bpmn", model).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aScriptTaskUnderAnotherFileNameIsRefusedToo() {
		String model = process("RenamedScriptProcess", """
				<scriptTask id="Task_Hidden" scriptFormat="javascript"><script>1 + 1</script></scriptTask>
				""");

		// The engine takes any name that ends in "bpmn" for a process model.
		assertRefused(this.rest.deploy(MODELER, "RenamedScriptProcess.xbpmn", model), "Task_Hidden");
	}

	@Test
	void aScriptListenerIsRefused() {
		String model = process("ScriptListenerProcess", """
				<userTask id="Task_Listened">
				  <extensionElements>
				    <camunda:taskListener event="create">
				      <camunda:script scriptFormat="groovy">task.setAssignee('jemand')</camunda:script>
				    </camunda:taskListener>
				  </extensionElements>
				</userTask>
				""");

		assertRefused(this.rest.deploy(MODELER, "ScriptListenerProcess.bpmn", model), "script");
	}

	@Test
	void aConditionInAScriptLanguageIsRefused() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://ratsweg.de/test">
				  <process id="ScriptConditionProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="StartEvent_Started" />
				    <sequenceFlow id="SequenceFlow_Scripted" sourceRef="StartEvent_Started" targetRef="EndEvent_Done">
				      <conditionExpression xsi:type="tFormalExpression" language="javascript">true</conditionExpression>
				    </sequenceFlow>
				    <endEvent id="EndEvent_Done" />
				  </process>
				</definitions>
				""";

		assertRefused(this.rest.deploy(MODELER, "ScriptConditionProcess.bpmn", model), "javascript");
	}

	@Test
	void aDecisionTableWithAScriptExpressionIsRefused() {
		String table = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				             id="Definitions_Scripted" name="Skript" namespace="https://ratsweg.de/test">
				  <decision id="ScriptedDecision" name="Skript" camunda:historyTimeToLive="1">
				    <decisionTable id="DecisionTable_Scripted">
				      <input id="Input_Value"><inputExpression id="InputExpression_Value" typeRef="string" expressionLanguage="javascript"><text>1</text></inputExpression></input>
				      <output id="Output_Value" name="value" typeRef="string" />
				    </decisionTable>
				  </decision>
				</definitions>
				""";

		assertRefused(this.rest.deploy(MODELER, "ScriptedDecision.dmn", table), "javascript");
	}

	@Test
	void scriptEnginesGetNoAccessToTheHost() {
		assertThat(this.context.getBean(ProcessEngineConfigurationImpl.class).isConfigureScriptEngineHostAccess())
			.isFalse();
	}

	@Test
	void onlyAdministratorsManageUsers() {
		String user = """
				{"profile": {"id": "neuling", "firstName": "Neu", "lastName": "Ling"},
				 "credentials": {"password": "Sicheres-Kennwort-2026!"}}
				""";

		ResponseEntity<String> byStaff = this.rest.as(DemoRoster.STAFF)
			.postForEntity("/engine-rest/user/create", RestWork.json(user), String.class);
		ResponseEntity<String> membershipByStaff = this.rest.as(DemoRoster.STAFF)
			.exchange("/engine-rest/group/camunda-admin/members/" + DemoRoster.STAFF,
					org.springframework.http.HttpMethod.PUT, RestWork.json(Map.of()), String.class);
		ResponseEntity<String> byAdministrator = this.rest.as(DemoRoster.ADMIN)
			.postForEntity("/engine-rest/user/create", RestWork.json(user), String.class);

		assertThat(byStaff.getStatusCode().value()).isEqualTo(403);
		assertThat(membershipByStaff.getStatusCode().value()).isEqualTo(403);
		assertThat(
				this.identityService.createUserQuery().memberOfGroup("camunda-admin").userId(DemoRoster.STAFF).count())
			.isZero();
		assertThat(byAdministrator.getStatusCode().value()).as(byAdministrator.getBody()).isEqualTo(204);
		this.identityService.deleteUser("neuling");
	}

	private static String process(String key, String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://ratsweg.de/test">
				  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="StartEvent_Started" />
				    %s
				  </process>
				</definitions>
				"""
			.formatted(key, body);
	}

	private void assertRefused(ResponseEntity<String> response, String detail) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).contains("Skripte dürfen nur Administratorinnen und Administratoren")
			.contains(detail);
		assertThat(this.repositoryService.createDeploymentQuery().deploymentName("rest-test").count()).isZero();
	}

}
