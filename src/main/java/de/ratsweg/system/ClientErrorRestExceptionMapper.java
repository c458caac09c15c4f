package de.ratsweg.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Engine REST API: what the REST layer wraps (e.g. "Cannot instantiate process definition
 * ...: <the German reason>") keeps Camunda's body but gets the status of its cause when
 * that is the client's error ({@link ClientErrors}).
 */
@Priority(Priorities.USER - 100)
class ClientErrorRestExceptionMapper implements ExceptionMapper<RestException> {

	@Override
	public Response toResponse(RestException exception) {
		return ClientErrors.answer(exception, ClientErrors.camundaAnswer(exception));
	}

}
