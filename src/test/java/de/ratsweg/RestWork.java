package de.ratsweg;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user does through the engine REST API ({@code /engine-rest}, HTTP Basic): start
 * a project with its start form, find a task, claim it and submit its form.
 */
public final class RestWork {

	public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private final TestRestTemplate http;

	private final String password;

	public RestWork(TestRestTemplate http, String password) {
		this.http = http;
		this.password = password;
	}

	/**
	 * Submits the start form of the process as the user.
	 * @return the response; its body holds the instance (with {@code id} and
	 * {@code tenantId}) or the error
	 */
	public ResponseEntity<Map<String, Object>> start(String user, String processKey, String businessKey,
			VariableMap values) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("businessKey", businessKey);
		body.put("variables", variables(values));
		return as(user).exchange("/engine-rest/process-definition/key/" + processKey + "/submit-form", HttpMethod.POST,
				json(body), OBJECT);
	}

	/** The tasks the user may see, filtered by the query string (without paging). */
	public List<Map<String, Object>> tasks(String user, String query) {
		ResponseEntity<List<Map<String, Object>>> response = as(user)
			.exchange("/engine-rest/task?firstResult=0&maxResults=200&" + query, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s lists tasks: %s", user, response.getStatusCode())
			.isTrue();
		return response.getBody();
	}

	/**
	 * The user finds the one task of the project with that key, claims it and submits its
	 * form.
	 */
	public void work(String user, String businessKey, String taskDefinitionKey, Map<String, Object> input) {
		List<Map<String, Object>> tasks = tasks(user,
				"processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskDefinitionKey);
		assertThat(tasks).as("%s sees the task %s of %s", user, taskDefinitionKey, businessKey).hasSize(1);
		String taskId = (String) tasks.get(0).get("id");
		assertThat(claim(user, taskId).getStatusCode().value()).as("%s claims %s", user, taskDefinitionKey)
			.isEqualTo(204);
		ResponseEntity<String> submitted = submit(user, taskId, input);
		assertThat(submitted.getStatusCode().value())
			.as("%s completes %s: %s", user, taskDefinitionKey, submitted.getBody())
			.isEqualTo(204);
	}

	public ResponseEntity<String> claim(String user, String taskId) {
		return as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
				json(Map.of("userId", user)), String.class);
	}

	public ResponseEntity<String> submit(String user, String taskId, Map<String, Object> input) {
		return as(user).exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
				json(Map.of("variables", variables(input))), String.class);
	}

	/** Deploys one model file through {@code /engine-rest/deployment/create}. */
	public ResponseEntity<String> deploy(String user, String fileName, String model) {
		return deploy(as(user), fileName, model);
	}

	/**
	 * Deploys one model file with the given client (with its credentials), as Camunda
	 * Modeler does.
	 */
	public static ResponseEntity<String> deploy(TestRestTemplate client, String fileName, String model) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "rest-test");
		parts.add("deployment-source", "Camunda Modeler");
		parts.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
				String.class);
	}

	public TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, this.password);
	}

	public static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** Variables as the REST API takes them: value and type. */
	static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (String name : values.keySet()) {
			Object value = values.get(name);
			TypedValue typed = (values instanceof VariableMap map) ? map.getValueTyped(name) : null;
			if (typed != null && typed.getType() != null && "json".equals(typed.getType().getName())) {
				variables.put(name, Map.of("value", String.valueOf(typed.getValue()), "type", "Json"));
			}
			else {
				variables.put(name, Map.of("value", value, "type", value.getClass().getSimpleName()));
			}
		}
		return variables;
	}

}
