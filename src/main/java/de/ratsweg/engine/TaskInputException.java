package de.ratsweg.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that a process must not accept: a missing required value, a number out of range,
 * a date in the past. The message is German, for the user; the engine rolls back, so the
 * task stays open (or the process is not started) and nothing is lost. Tasklist and the
 * REST API answer it with 400 and the message, as for Camunda's own form field
 * validation.
 */
public class TaskInputException extends FormFieldValidationException {

	private final List<String> problems;

	public TaskInputException(List<String> problems) {
		super(null, "Die Eingaben sind unvollständig oder ungültig: " + String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	public TaskInputException(String problem) {
		this(List.of(problem));
	}

	/**
	 * The refused input somewhere in the cause chain, or null.
	 */
	public static TaskInputException findIn(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
			if (cause instanceof TaskInputException refused) {
				return refused;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * Whether the engine refused form input: Ratsweg's own refusal or the engine's form
	 * field validation.
	 */
	public static boolean isRefusedFormInput(Throwable throwable) {
		return throwable instanceof FormFieldValidationException;
	}

	/**
	 * Each problem as one German sentence.
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
