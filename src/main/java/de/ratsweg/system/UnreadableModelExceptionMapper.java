package de.ratsweg.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Engine REST API: a model that is not even readable XML (for example one with a DOCTYPE,
 * which Ratsweg refuses) is the client's error, so it is answered with 400 instead of
 * Camunda's 500. Every other engine exception is answered exactly as Camunda does.
 */
@Priority(Priorities.USER - 100)
class UnreadableModelExceptionMapper implements ExceptionMapper<ProcessEngineException> {

	/**
	 * Camunda's code for "Could not parse '<resource>'": the XML itself could not be
	 * read.
	 */
	static final String UNREADABLE_XML = "ENGINE-09003";

	@Override
	public Response toResponse(ProcessEngineException exception) {
		Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
		if (camunda.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
				&& exception.getMessage() != null && exception.getMessage().startsWith(UNREADABLE_XML)) {
			return Response.fromResponse(camunda).status(Response.Status.BAD_REQUEST).build();
		}
		return camunda;
	}

}
