package de.ratsweg.record;

/**
 * The project exists, but the user may not read its history (403): it belongs to another
 * municipality, or none of the user's roles may read the history. With the German message
 * users read.
 */
public class RecordNotPermittedException extends RuntimeException {

	RecordNotPermittedException(String businessKey) {
		super("Sie dürfen den Aktenvermerk zum Vorhaben „%s“ nicht einsehen: Er steht nur den Rollen der Stadt offen, "
			.formatted(businessKey) + "zu der das Vorhaben gehört.");
	}

}
