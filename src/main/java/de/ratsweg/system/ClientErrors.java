package de.ratsweg.system;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

import de.ratsweg.engine.TaskInputException;
import de.ratsweg.tasklist.TaskConflictException;

/**
 * Which engine errors are the client's, and how the engine REST API answers them. Camunda
 * answers several of them with 500: a model that is not readable XML, a password that
 * breaks the policy, and anything wrapped by the REST layer (refused form input on
 * {@code /start}, a project started by someone without a municipality). A task or
 * instance of another municipality is "not found" (404), as in every list, instead of a
 * 500 that tells the task exists.
 */
final class ClientErrors {

	/**
	 * Camunda's code for "Could not parse '<resource>'": the XML itself could not be
	 * read.
	 */
	static final String UNREADABLE_XML = "ENGINE-09003";

	/** Camunda's code for "... because it belongs to no authenticated tenant". */
	static final String OTHER_TENANT = "ENGINE-13034";

	/** The engine's message when a new password breaks the password policy. */
	static final String PASSWORD_POLICY = "Password does not match policy";

	static final String PASSWORD_POLICY_GERMAN = "Das Kennwort erfüllt die Kennwortregeln nicht: mindestens 10 Zeichen "
			+ "mit Groß- und Kleinbuchstaben, einer Ziffer und einem Sonderzeichen; es darf weder die "
			+ "Benutzerkennung noch den Namen oder die E-Mail-Adresse enthalten. "
			+ "(GET /engine-rest/identity/password-policy nennt die Regeln.)";

	static final String NOT_FOUND_GERMAN = "Nicht gefunden: Es gibt keinen solchen Vorgang und keine solche "
			+ "Aufgabe in Ihrer Stadt.";

	private ClientErrors() {
	}

	/**
	 * @param exception what the engine or the REST layer threw
	 * @param camunda Camunda's own answer
	 * @return the answer: Camunda's, unless the error is the client's and Camunda says
	 * 500
	 */
	static Response answer(Throwable exception, Response camunda) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof TaskConflictException conflict) {
				// Without Camunda's English wrapper ("Cannot complete task ...: ").
				return json(Response.Status.CONFLICT, "TaskConflict", conflict.getMessage());
			}
			if (cause instanceof TaskInputException refused) {
				// The German sentence alone, without "Cannot submit task form <id>: ".
				return json(Response.Status.BAD_REQUEST, "FormFieldValidationException", refused.getMessage());
			}
		}
		if (camunda.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
			return camunda;
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (cause instanceof ProcessEngineException && PASSWORD_POLICY.equals(message)) {
				return json(Response.Status.BAD_REQUEST, "PasswordPolicyException", PASSWORD_POLICY_GERMAN);
			}
			if (cause instanceof ProcessEngineException && message != null && message.startsWith(OTHER_TENANT)) {
				return notFound();
			}
			if (cause instanceof AuthorizationException) {
				return Response.fromResponse(camunda).status(Response.Status.FORBIDDEN).build();
			}
			if (cause instanceof BadUserRequestException || TaskInputException.isRefusedFormInput(cause)
					|| (message != null && message.startsWith(UNREADABLE_XML))) {
				return Response.fromResponse(camunda).status(Response.Status.BAD_REQUEST).build();
			}
		}
		return camunda;
	}

	/** What a client learns of a task or instance it cannot see: nothing but this. */
	static Response notFound() {
		return json(Response.Status.NOT_FOUND, "NotFound", NOT_FOUND_GERMAN);
	}

	static Response camundaAnswer(Throwable exception) {
		return ExceptionHandlerHelper.getInstance().getResponse(exception);
	}

	private static Response json(Response.Status status, String type, String message) {
		return Response.status(status)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", type, "message", message))
			.build();
	}

}
