package de.ratsweg.record;

/**
 * There is no project with that key (404), with the German message users read.
 */
public class ProjectNotFoundException extends RuntimeException {

	ProjectNotFoundException(String businessKey) {
		super("Ein Vorhaben „%s“ gibt es nicht.".formatted(businessKey));
	}

}
