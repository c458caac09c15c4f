package de.ratsweg.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator in one message what to set instead of showing a stack trace.
 */
class FirstAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdministratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministratorException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variable RATSWEG_ADMIN_PASSWORD (and RATSWEG_ADMIN_USER if the administrator "
						+ "should not be called 'admin') and start Ratsweg again.",
				cause);
	}

}
