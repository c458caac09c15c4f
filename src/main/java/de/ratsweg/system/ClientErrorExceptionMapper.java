package de.ratsweg.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Engine REST API: engine exceptions that are the client's error get a 4xx instead of
 * Camunda's 500 ({@link ClientErrors}); every other one is answered exactly as Camunda
 * does.
 */
@Priority(Priorities.USER - 100)
class ClientErrorExceptionMapper implements ExceptionMapper<ProcessEngineException> {

	@Override
	public Response toResponse(ProcessEngineException exception) {
		return ClientErrors.answer(exception, ClientErrors.camundaAnswer(exception));
	}

}
