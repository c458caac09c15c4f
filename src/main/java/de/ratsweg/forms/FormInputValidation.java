package de.ratsweg.forms;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.PvmEvent;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every task completion and every process start against the rules of the Camunda
 * Form linked to it ({@code camunda:formRef}): what the form requires is required, what
 * it limits is limited, here on the server, before the process moves on. A violation
 * rolls the command back with a German message ({@link TaskInputException}); the task
 * stays open.
 */
class FormInputValidation extends AbstractBpmnParseListener {

	private static final Logger log = LoggerFactory.getLogger(FormInputValidation.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

	/** Parsed forms by deployment id and form id; deployments never change. */
	private final Map<String, Map<String, FormSchema>> forms = new ConcurrentHashMap<>();

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		String formRef = formRef(element);
		if (formRef == null) {
			return;
		}
		UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
		behavior.getTaskDefinition()
			.addBuiltInTaskListener("complete", (task) -> validate(task, task.getExecution(), formRef));
	}

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		String formRef = formRef(element);
		if (formRef == null
				|| !(scope instanceof org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity)) {
			return;
		}
		ExecutionListener check = (execution) -> validate(execution, execution, formRef);
		activity.addBuiltInListener(PvmEvent.EVENTNAME_START, check);
	}

	private static String formRef(Element element) {
		String formRef = element.attributeNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "formRef");
		if (formRef != null && formRef.contains("${")) {
			// a form chosen at runtime cannot be checked here
			return null;
		}
		return formRef;
	}

	private void validate(VariableScope scope, DelegateExecution execution, String formRef) {
		String deploymentId = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
			.getProcessDefinition()
			.getDeploymentId();
		FormSchema form = form(deploymentId, formRef);
		if (form == null) {
			throw new BpmnParseException("Form '" + formRef + "' is not part of deployment " + deploymentId, null);
		}
		Map<String, Object> values = plainValues(scope);
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FormSchema.ZONE).toLocalDate();
		List<String> problems = form.check(values, (condition) -> isHidden(condition, values), today);
		if (!problems.isEmpty()) {
			log.info("Refused input for form {} in process instance {}: {}", formRef, execution.getProcessInstanceId(),
					problems);
			throw new TaskInputException(problems);
		}
	}

	private static boolean isHidden(String condition, Map<String, Object> values) {
		String expression = condition.startsWith("=") ? condition.substring(1) : condition;
		Object result = FEEL.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
		return Boolean.TRUE.equals(result);
	}

	/**
	 * The variables as form-js sees them: JSON values (checklists, dynamic lists) as
	 * lists and maps.
	 */
	static Map<String, Object> plainValues(VariableScope scope) {
		Map<String, Object> values = new HashMap<>();
		VariableMap variables = scope.getVariablesTyped(true);
		for (String name : variables.keySet()) {
			values.put(name, plain(variables.getValueTyped(name)));
		}
		return values;
	}

	static Object plain(TypedValue typed) {
		if (typed == null) {
			return null;
		}
		if ("json".equalsIgnoreCase(typed.getType().getName()) && typed instanceof SerializableValue serializable) {
			String json = serializable.getValueSerialized();
			try {
				return json == null ? null : JSON.readValue(json, Object.class);
			}
			catch (IOException ex) {
				return json;
			}
		}
		return typed.getValue();
	}

	private FormSchema form(String deploymentId, String formId) {
		Map<String, FormSchema> byId = this.forms.computeIfAbsent(deploymentId, this::loadForms);
		return byId.get(formId);
	}

	private Map<String, FormSchema> loadForms(String deploymentId) {
		Map<String, FormSchema> byId = new HashMap<>();
		List<ResourceEntity> resources = Context.getCommandContext()
			.getResourceManager()
			.findResourcesByDeploymentId(deploymentId);
		for (ResourceEntity resource : resources) {
			if (!resource.getName().toLowerCase().endsWith(".form")) {
				continue;
			}
			try {
				JsonNode json = JSON.readTree(resource.getBytes());
				FormSchema schema = FormSchema.of(json);
				byId.put(schema.formId(), schema);
			}
			catch (IOException ex) {
				log.warn("Form resource {} of deployment {} is not JSON: {}", resource.getName(), deploymentId,
						ex.getMessage());
			}
		}
		return byId;
	}

}
