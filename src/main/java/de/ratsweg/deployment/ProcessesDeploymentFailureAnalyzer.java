package de.ratsweg.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken processes folder at start-up into one readable message instead of a
 * stack trace.
 */
class ProcessesDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<ProcessesDeploymentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProcessesDeploymentException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files named above (open them in Camunda Modeler) and start Ratsweg again.", cause);
	}

}
