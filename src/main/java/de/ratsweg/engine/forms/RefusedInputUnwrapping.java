package de.ratsweg.engine.forms;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import de.ratsweg.engine.TaskInputException;

/**
 * The engine wraps whatever a task listener throws (ENGINE-03051 ...). Refused input must
 * reach the caller as itself: Tasklist and the REST API answer a
 * {@link TaskInputException} (a form field validation error) with 400 and its German
 * message, not with 500 and an English wrapper.
 */
public class RefusedInputUnwrapping extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return this.next.execute(command);
		}
		catch (RuntimeException ex) {
			TaskInputException refused = TaskInputException.findIn(ex);
			if (refused != null && refused != ex) {
				throw refused;
			}
			throw ex;
		}
	}

}
