package de.ratsweg.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import de.ratsweg.RatswegSpringTest;
import de.ratsweg.engine.forms.FormInputGuard;
import de.ratsweg.engine.security.ClientExpressionsRefused;
import de.ratsweg.engine.security.EngineDoors;
import de.ratsweg.engine.security.PersonalTasks;
import de.ratsweg.kernel.RatswegGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's own defenses are on: authorization checks, no Java serialization,
 * validated deserialization, no external XML entities, no host access for scripts.
 */
@RatswegSpringTest
class EngineHardeningTest {

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void engineDefensesAreSwitchedOn() {
		assertThat(this.configuration.isAuthorizationEnabled()).isTrue();
		assertThat(this.configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(this.configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(this.configuration.isEnableXxeProcessing()).isFalse();
		assertThat(this.configuration.isEnforceHistoryTimeToLive()).isTrue();
		assertThat(this.configuration.isConfigureScriptEngineHostAccess()).isFalse();
		assertThat(this.configuration.isEnableExceptionsAfterUnhandledBpmnError()).as("no silent end of a project")
			.isTrue();
	}

	@Test
	void ratswegsOwnChecksAreInstalledInTheEngine() {
		// an engine created too early (before every plugin bean exists) would run without
		// them, while every setting above still holds
		assertThat(this.configuration.getResourceAuthorizationProvider()).isInstanceOf(PersonalTasks.class);
		// in the order RatswegEnginePlugin lists them, outermost first
		assertThat(this.configuration.getCustomPreCommandInterceptorsTxRequired()
			.stream()
			.filter((interceptor) -> interceptor.getClass().getName().startsWith("de.ratsweg."))
			.map((interceptor) -> interceptor.getClass().getSimpleName())).containsExactly("GenericTypeNames",
					"RefusedInputUnwrapping", ClientExpressionsRefused.class.getSimpleName(),
					EngineDoors.class.getSimpleName(), "TaskConflicts");
		assertThat(this.configuration.getCustomPostCommandInterceptorsTxRequired())
			.hasExactlyElementsOfTypes(FormInputGuard.class);
	}

	@Test
	void theEnginesAdministratorsAreExactlyTheMembersOfTheAdministratorsGroup() {
		// SignedIn.isAdministrator asks the engine's configuration, RatswegUser.isAdmin
		// the
		// user's groups: the same answer only while the engine names this group alone
		assertThat(this.configuration.getAdminGroups()).containsExactly(RatswegGroups.ADMIN);
		assertThat(this.configuration.getAdminUsers()).isNullOrEmpty();
	}

	@Test
	void theEngineNeitherDelaysNorLocksAUserWhateverOthersType() {
		// Ratsweg throttles per address and user (LoginThrottle) instead
		assertThat(this.configuration.getLoginDelayMaxTime()).isZero();
		assertThat(this.configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void javaSerializedVariableIsRefusedByTheEngine() {
		assertThatThrownBy(() -> this.runtimeService.startProcessInstanceByKey("ReviewRequestProcess",
				Variables.createVariables()
					.putValue("payload",
							Variables.serializedObjectValue("rO0ABQ==")
								.serializationDataFormat(Variables.SerializationDataFormats.JAVA)
								.objectTypeName("java.util.ArrayList")
								.create())))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Java serialization format is prohibited");
	}

}
