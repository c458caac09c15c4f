package de.ratsweg.forms;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Form values as plain Java: a checklist or dynamic list that Tasklist submitted as JSON
 * becomes a list (of maps).
 */
public final class FormValues {

	private FormValues() {
	}

	public static Object plain(VariableScope scope, String name) {
		return FormInputGuard.plain(scope.getVariableTyped(name, true));
	}

}
