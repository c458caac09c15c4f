package de.ratsweg.forms;

import java.math.BigDecimal;

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

	/**
	 * A number as a form gives it (a number, or text of a number), or null.
	 */
	public static BigDecimal number(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
