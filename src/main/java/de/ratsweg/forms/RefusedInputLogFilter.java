package de.ratsweg.forms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import de.ratsweg.engine.TaskInputException;

/**
 * Refused input is the user's business, not an engine error: the engine's report of the
 * failed command (ENGINE-16004 with a stack trace) is dropped when the cause is a
 * {@link TaskInputException}. {@code engine/forms/FormInputGuard} logs the refusal in one
 * line.
 */
public final class RefusedInputLogFilter extends TurboFilter {

	private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	private RefusedInputLogFilter() {
		setName(RefusedInputLogFilter.class.getName());
	}

	public static void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(RefusedInputLogFilter.class::isInstance)) {
			context.addTurboFilter(new RefusedInputLogFilter());
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable throwable) {
		if (logger == null || !logger.getName().startsWith(ENGINE_CONTEXT_LOGGER)) {
			return FilterReply.NEUTRAL;
		}
		if (TaskInputException.findIn(throwable) != null) {
			return FilterReply.DENY;
		}
		if (params != null) {
			for (Object param : params) {
				if (param instanceof Throwable cause && TaskInputException.findIn(cause) != null) {
					return FilterReply.DENY;
				}
			}
		}
		return FilterReply.NEUTRAL;
	}

}
