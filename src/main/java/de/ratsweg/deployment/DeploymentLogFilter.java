package de.ratsweg.deployment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * While the processes folder is deployed, the engine's own report of a failed command
 * (ENGINE-16004 with a stack trace) is dropped: the deployer reports the same failure
 * once, with file, element and reason. Everywhere else the engine logs as usual.
 */
final class DeploymentLogFilter extends TurboFilter {

	static final String MDC_KEY = "ratsweg.processesDeployment";

	private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	private DeploymentLogFilter() {
		setName(DeploymentLogFilter.class.getName());
	}

	/**
	 * Installs the filter once per logging context; a no-op when Logback is not in use.
	 */
	static void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(DeploymentLogFilter.class::isInstance)) {
			context.addTurboFilter(new DeploymentLogFilter());
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable throwable) {
		if (logger != null && logger.getName().startsWith(ENGINE_CONTEXT_LOGGER) && MDC.get(MDC_KEY) != null) {
			return FilterReply.DENY;
		}
		return FilterReply.NEUTRAL;
	}

}
