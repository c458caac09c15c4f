package de.ratsweg.record;

/**
 * There is no project with that key that the user may see (404), with the German message
 * users read: a project of another municipality is answered alike.
 */
public class ProjectNotFoundException extends RuntimeException {

	ProjectNotFoundException(String businessKey) {
		super("Ein Vorhaben „%s“ gibt es in Ihrer Stadt nicht.".formatted(businessKey));
	}

}
