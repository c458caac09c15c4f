package de.ratsweg.tasklist;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Someone else was faster: the task was completed, changed or claimed by another user in
 * the moment this user acted on it. Nothing of this user's request was saved. A
 * {@link RestException} with 409, because that is the one kind of exception both of
 * Camunda's REST layers (the engine REST API and the webapps' API behind Tasklist) answer
 * with its own status instead of 500.
 */
public class TaskConflictException extends RestException {

	private static final long serialVersionUID = 1L;

	public TaskConflictException(String germanMessage, Exception cause) {
		super(Response.Status.CONFLICT, cause, germanMessage);
	}

}
