package de.ratsweg.record;

/**
 * The process a project is (its main process), as the record needs it: the record looks
 * the project up by its key among this process's instances and reads its title and
 * outcome. Implemented by the main process's package, so that the record does not depend
 * on it.
 */
public interface ProjectProcess {

	/** The key of the main process. */
	String processKey();

	/** The project's title; null when it has none. */
	String title(ProjectHistory history);

	/**
	 * How the project ended, in German ("abgebrochen" when cancelled); asked only once it
	 * ended.
	 */
	String outcome(ProjectHistory history);

}
