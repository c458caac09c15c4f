package de.ratsweg.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import de.ratsweg.engine.forms.FormInputGuard;
import de.ratsweg.engine.security.EngineDoors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the engine (read from the engine's jar, about 500 classes with its
 * queries) that can write variables, act on jobs or count across municipalities passes a
 * guard: the form check ({@link FormInputGuard}) or a door only administrators open
 * ({@link EngineDoors}). A Camunda version with a new such command fails here until it is
 * placed, so a new door cannot stay open unnoticed. The REST API and the webapps' API
 * reach the engine only through these commands.
 */
class EngineDoorsTest {

	/**
	 * A field that carries variables into a command, or the builder that carries them.
	 */
	private static final Pattern CARRIES_VARIABLES = Pattern
		.compile("(?i)variables?|properties|modifications|deletions|.*Variables|.*VariableName.*");

	/** Commands that only read variables (the engine's read permissions apply). */
	private static final Pattern READS_ONLY = Pattern.compile("^Get\\w*Cmd(Typed)?$|QueryImpl$|^Abstract\\w*Get");

	/** CMMN is switched off ({@code cmmn-enabled: false}): no case ever runs. */
	private static final Pattern CASES = Pattern.compile("Case");

	@Test
	void everyCommandThatWritesVariablesIsCheckedAgainstTheFormOrForAdministratorsOnly() {
		List<Class<?>> commands = engineCommands();
		assertThat(commands).as("the engine's command classes were found").hasSizeGreaterThan(300);

		Map<String, String> unguarded = new TreeMap<>();
		for (Class<?> command : commands) {
			if (writesVariables(command) && !FormInputGuard.checks(command) && EngineDoors.door(command) == null
					&& !READS_ONLY.matcher(command.getSimpleName()).find()
					&& !CASES.matcher(command.getSimpleName()).find()) {
				unguarded.put(command.getName(), "carries variables");
			}
		}
		assertThat(unguarded).as("commands that write variables past every guard").isEmpty();
	}

	@Test
	void everyCommandOnJobsBatchesOrExternalTasksIsForAdministratorsOnly() {
		Map<String, Object> open = new TreeMap<>();
		for (Class<?> command : engineCommands()) {
			String name = command.getSimpleName();
			if ((name.contains("Job") || name.contains("Batch") || name.contains("ExternalTask")
					|| (!name.endsWith("QueryImpl")
							&& hasField(command, Pattern.compile("jobId|jobIds|batchId|externalTaskId"))))
					&& EngineDoors.door(command) == null) {
				open.put(command.getName(), name);
			}
		}
		assertThat(open).as("commands on jobs, batches or external tasks open to staff").isEmpty();
	}

	@Test
	void everyCountAcrossMunicipalitiesIsForAdministratorsOnly() {
		Pattern counts = Pattern.compile("Statistic|Report|Metric");
		List<String> open = engineCommands().stream()
			.filter((command) -> counts.matcher(command.getSimpleName()).find())
			.filter((command) -> EngineDoors.door(command) == null)
			.map(Class::getName)
			.toList();
		assertThat(open).as("statistics, reports and metrics open to staff").isEmpty();
	}

	@Test
	void whatStaffDoInTasklistStaysOpen() {
		for (String open : List.of("CompleteTaskCmd", "SubmitTaskFormCmd", "ClaimTaskCmd", "SaveTaskCmd",
				"AddCommentCmd", "GetTaskFormVariablesCmd", "GetDeployedTaskFormCmd", "SubmitStartFormCmd",
				"StartProcessInstanceCmd", "GetStartFormVariablesCmd", "SaveUserCmd", "AuthorizationCheckCmd")) {
			Class<?> command = engineCommands().stream()
				.filter((type) -> type.getSimpleName().equals(open))
				.findFirst()
				.orElseThrow();
			assertThat(EngineDoors.door(command)).as(open).isNull();
		}
		assertThat(engineCommands().stream().filter((type) -> type.getSimpleName().equals("TaskQueryImpl")))
			.allSatisfy((query) -> assertThat(EngineDoors.door(query)).isNull());
	}

	private static boolean writesVariables(Class<?> command) {
		return hasField(command, CARRIES_VARIABLES)
				|| builderFields(command).stream().anyMatch((builder) -> hasField(builder, CARRIES_VARIABLES));
	}

	/** The builders a command takes its input from (message correlation, start, ...). */
	private static List<Class<?>> builderFields(Class<?> command) {
		List<Class<?>> builders = new ArrayList<>();
		for (Field field : fields(command)) {
			Class<?> type = field.getType();
			if (type.getName().startsWith("org.camunda") && type.getSimpleName().contains("Builder")) {
				builders.add(type);
			}
		}
		return builders;
	}

	private static boolean hasField(Class<?> type, Pattern names) {
		return fields(type).stream().anyMatch((field) -> names.matcher(field.getName()).matches());
	}

	private static List<Field> fields(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					fields.add(field);
				}
			}
		}
		return fields;
	}

	private static List<Class<?>> engineCommands() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isConcrete();
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Command.class));
		Collection<BeanDefinition> found = scanner.findCandidateComponents("org.camunda.bpm.engine.impl");
		List<Class<?>> commands = new ArrayList<>();
		for (BeanDefinition definition : found) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(),
					EngineDoorsTest.class.getClassLoader());
			if (!type.isAnonymousClass()) {
				commands.add(type);
			}
		}
		return commands;
	}

}
