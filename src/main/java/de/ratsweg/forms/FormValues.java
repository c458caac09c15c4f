package de.ratsweg.forms;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Form values as plain Java: a checklist or dynamic list that Tasklist submitted as JSON
 * becomes a list (of maps).
 */
public final class FormValues {

	private FormValues() {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	public static Object plain(VariableScope scope, String name) {
		return plain(scope.getVariableTyped(name, true));
	}

	/** A JSON value (a checklist, a dynamic list) becomes lists and maps. */
	public static Object plain(TypedValue typed) {
		if (typed == null) {
			return null;
		}
		if (typed.getType() != null && "json".equalsIgnoreCase(typed.getType().getName())
				&& typed instanceof SerializableValue serializable) {
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
