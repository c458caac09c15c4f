package de.ratsweg.engine.forms;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ratsweg.engine.TaskInputException;
import de.ratsweg.forms.FormSchema;
import de.ratsweg.forms.FormValues;
import de.ratsweg.kernel.Dates;

/**
 * Checks every task completion and every process start against the Camunda Form linked to
 * it ({@code camunda:formRef}), on the server, before the engine acts: what the form
 * requires must be submitted, what it limits is limited, and nothing outside the form may
 * be set. The browser's own checks can be bypassed (REST API, a stale form); a decision
 * must never rest on a value nobody entered, or on a variable the form does not offer. A
 * violation is a {@link TaskInputException} with a German message; nothing changes, the
 * task stays open.
 *
 * <p>
 * Every other way to write a project's variables (setting them one by one, messages,
 * modifications, ...) is an administrator's ({@code engine/security/EngineDoors}).
 */
public class FormInputGuard extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(FormInputGuard.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Created on first use: the FEEL engine takes a moment to start, not at every
	 * start-up.
	 */
	private static final class Feel {

		static final FeelEngine ENGINE = new ScalaFeelEngineFactory().createInstance();

	}

	/**
	 * The commands whose input is checked against a form: completing or resolving a task
	 * ({@code ResolveTaskCmd} is a {@code CompleteTaskCmd}), submitting its form,
	 * starting a process with or without its start form.
	 */
	public static final List<Class<?>> CHECKED = List.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
			SubmitStartFormCmd.class, StartProcessInstanceCmd.class);

	/** Whether the command's input is checked against a form ({@link #CHECKED}). */
	public static boolean checks(Class<?> command) {
		return CHECKED.stream().anyMatch((checked) -> checked.isAssignableFrom(command));
	}

	/**
	 * How many forms stay parsed: every form of a few versions of Ratsweg's processes.
	 */
	private static final int CACHED_FORMS = 500;

	/** Parsed forms by form definition id; deployed forms never change. */
	private final Map<String, FormSchema> forms = lastUsed(CACHED_FORMS);

	/** Form definitions by deployment and form key; deployed forms never change. */
	private final Map<String, CamundaFormDefinitionEntity> formsOfDeployments = lastUsed(CACHED_FORMS);

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			checkTask(field(command, "taskId"),
					field(command, command instanceof CompleteTaskCmd ? "variables" : "properties"));
		}
		else if (command instanceof SubmitStartFormCmd) {
			checkStart(definitionById(field(command, "processDefinitionId")), field(command, "variables"));
		}
		else if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
			checkStart(definitionOf(start), start.getVariables());
		}
		return this.next.execute(command);
	}

	private void checkTask(String taskId, Map<String, Object> submitted) {
		TaskEntity task = taskById(taskId);
		if (task == null || task.getTaskDefinition() == null) {
			return; // the engine reports an unknown task itself
		}
		FormDefinition formDefinition = task.getTaskDefinition().getFormDefinition();
		ProcessDefinitionEntity processDefinition = task.getProcessDefinition();
		FormSchema form = form(formDefinition, processDefinition, task);
		if (form != null) {
			// Only someone who may work on the task learns what its form expects; input
			// the form accepts goes on to the engine, which checks the same permission.
			check(form, submitted, plainValues(task, form.variableNames()), "task " + taskId,
					() -> checkers().forEach((checker) -> checker.checkTaskWork(task)));
		}
	}

	private void checkStart(ProcessDefinitionEntity definition, Map<String, Object> submitted) {
		if (definition == null) {
			return;
		}
		FormSchema form = form(definition.getStartFormDefinition(), definition, null);
		if (form != null) {
			check(form, submitted, Map.of(), "start of " + definition.getKey(),
					() -> checkers().forEach((checker) -> checker.checkCreateProcessInstance(definition)));
		}
	}

	/**
	 * @param beforeRefusing checks that the user may learn why the input is refused
	 */
	private static void check(FormSchema form, Map<String, Object> submittedVariables, Map<String, Object> existing,
			String what, Runnable beforeRefusing) {
		Map<String, Object> submitted = new HashMap<>();
		if (submittedVariables instanceof VariableMap typed) {
			typed.keySet().forEach((name) -> submitted.put(name, FormValues.plain(typed.getValueTyped(name))));
		}
		else if (submittedVariables != null) {
			submittedVariables.forEach((name, value) -> submitted.put(name, plainObject(value)));
		}
		Map<String, Object> seen = new HashMap<>(existing);
		seen.putAll(submitted);
		Map<String, Boolean> hiddenByCondition = new HashMap<>();
		Predicate<String> hidden = (condition) -> hiddenByCondition.computeIfAbsent(condition,
				(key) -> isHidden(key, seen));
		List<String> problems = form.check(submitted, existing, hidden, Dates.today());
		if (!problems.isEmpty()) {
			beforeRefusing.run();
			log.info("Refused input for form {} ({}): {}", form.formId(), what, problems);
			throw new TaskInputException(problems);
		}
		if (submittedVariables == null) {
			return;
		}
		try {
			// read-only fields came back unchanged: the stored values stay as they are
			submittedVariables.keySet().removeAll(form.readOnlyKeys());
			submittedVariables.putAll(form.uncheckedCheckboxes(submitted, hidden));
		}
		catch (UnsupportedOperationException ex) {
			// an unmodifiable map from Java code: the values are written as given
		}
	}

	private static boolean isHidden(String condition, Map<String, Object> values) {
		String expression = condition.startsWith("=") ? condition.substring(1) : condition;
		Object result = Feel.ENGINE.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
		return Boolean.TRUE.equals(result);
	}

	private FormSchema form(FormDefinition formDefinition, ProcessDefinitionEntity processDefinition,
			VariableScope scope) {
		if (formDefinition == null || formDefinition.getCamundaFormDefinitionKey() == null
				|| processDefinition == null) {
			return null;
		}
		CommandContext context = Context.getCommandContext();
		String formKey = value(formDefinition.getCamundaFormDefinitionKey(), scope);
		String binding = formDefinition.getCamundaFormDefinitionBinding();
		String tenantId = processDefinition.getTenantId();
		CamundaFormDefinitionEntity definition;
		if ("deployment".equals(binding)) {
			// a deployment's forms never change: looked up once per deployment and key
			String deploymentAndKey = processDefinition.getDeploymentId() + "|" + formKey;
			definition = this.formsOfDeployments.get(deploymentAndKey);
			if (definition == null) {
				definition = context.getCamundaFormDefinitionManager()
					.findDefinitionByDeploymentAndKey(processDefinition.getDeploymentId(), formKey);
				if (definition != null) {
					this.formsOfDeployments.put(deploymentAndKey, definition);
				}
			}
		}
		else if ("version".equals(binding)) {
			definition = context.getCamundaFormDefinitionManager()
				.findDefinitionByKeyVersionAndTenantId(formKey,
						Integer.valueOf(value(formDefinition.getCamundaFormDefinitionVersion(), scope)), tenantId);
		}
		else {
			definition = context.getCamundaFormDefinitionManager()
				.findLatestDefinitionByKeyAndTenantId(formKey, tenantId);
		}
		if (definition == null) {
			log.warn("Form '{}' ({} binding) of {} not found; its input is not checked", formKey, binding,
					processDefinition.getId());
			return null;
		}
		FormSchema form = this.forms.get(definition.getId());
		if (form == null) {
			form = load(context, definition);
			this.forms.put(definition.getId(), form);
		}
		return form;
	}

	/** A map that keeps the most recently used entries, safe for concurrent commands. */
	private static <V> Map<String, V> lastUsed(int capacity) {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > capacity;
			}

		});
	}

	private static String value(Expression expression, VariableScope scope) {
		if (expression == null) {
			return null;
		}
		return scope == null ? expression.getExpressionText() : String.valueOf(expression.getValue(scope));
	}

	private static FormSchema load(CommandContext context, CamundaFormDefinitionEntity definition) {
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
		try {
			return FormSchema.of(JSON.readTree(resource.getBytes()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Form " + definition.getResourceName() + " is not JSON", ex);
		}
	}

	private static List<CommandChecker> checkers() {
		return Context.getCommandContext().getProcessEngineConfiguration().getCommandCheckers();
	}

	private static TaskEntity taskById(String taskId) {
		return taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
	}

	private static ProcessDefinitionEntity definitionById(String processDefinitionId) {
		DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
		return processDefinitionId == null ? null : cache.findDeployedProcessDefinitionById(processDefinitionId);
	}

	private static ProcessDefinitionEntity definitionOf(ProcessInstantiationBuilderImpl start) {
		if (start.getProcessDefinitionId() != null) {
			return definitionById(start.getProcessDefinitionId());
		}
		if (start.getProcessDefinitionKey() == null) {
			return null;
		}
		DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
		return start.getProcessDefinitionTenantId() != null
				? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(start.getProcessDefinitionKey(),
						start.getProcessDefinitionTenantId())
				: cache.findDeployedLatestProcessDefinitionByKey(start.getProcessDefinitionKey());
	}

	/**
	 * Variables as a form sees them: JSON values (checklists) as lists.
	 */
	private static Map<String, Object> plainValues(VariableScope scope, Set<String> names) {
		Map<String, Object> values = new HashMap<>();
		for (String name : names) {
			TypedValue value = scope.getVariableTyped(name, true);
			if (value != null) {
				values.put(name, FormValues.plain(value));
			}
		}
		return values;
	}

	private static Object plainObject(Object value) {
		return value instanceof TypedValue typed ? FormValues.plain(typed) : value;
	}

	/**
	 * The engine's commands keep what they were given in protected fields; Camunda 7.24
	 * is the last version, so their names stay (a test fails should they change).
	 */
	@SuppressWarnings("unchecked")
	public static <V> V field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (V) field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("No field " + name + " in " + command.getClass().getName());
	}

}
