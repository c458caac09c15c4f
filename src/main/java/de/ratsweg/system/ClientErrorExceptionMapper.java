package de.ratsweg.system;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Engine REST API: a model that is not even readable XML (for example one with a DOCTYPE,
 * which Ratsweg refuses) is the client's error, so it is answered with 400 instead of
 * Camunda's 500; so is a password that breaks the password policy (with the rules in
 * German). Every other engine exception is answered exactly as Camunda does.
 */
@Priority(Priorities.USER - 100)
class ClientErrorExceptionMapper implements ExceptionMapper<ProcessEngineException> {

	/**
	 * Camunda's code for "Could not parse '<resource>'": the XML itself could not be
	 * read.
	 */
	static final String UNREADABLE_XML = "ENGINE-09003";

	/** The engine's message when a new password breaks the password policy. */
	static final String PASSWORD_POLICY = "Password does not match policy";

	static final String PASSWORD_POLICY_GERMAN = "Das Kennwort erfüllt die Kennwortregeln nicht: mindestens 10 Zeichen "
			+ "mit Groß- und Kleinbuchstaben, einer Ziffer und einem Sonderzeichen; es darf weder die "
			+ "Benutzerkennung noch den Namen oder die E-Mail-Adresse enthalten. "
			+ "(GET /engine-rest/identity/password-policy nennt die Regeln.)";

	@Override
	public Response toResponse(ProcessEngineException exception) {
		if (PASSWORD_POLICY.equals(exception.getMessage())) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "PasswordPolicyException", "message", PASSWORD_POLICY_GERMAN))
				.build();
		}
		Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
		if (camunda.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
				&& exception.getMessage() != null && exception.getMessage().startsWith(UNREADABLE_XML)) {
			return Response.fromResponse(camunda).status(Response.Status.BAD_REQUEST).build();
		}
		return camunda;
	}

}
