package de.ratsweg.startup;

/**
 * One step of Ratsweg's start-up ({@link StartupSequence}). Each step can run on every
 * start: what exists already is left as it is.
 */
public interface StartupStep {

	/**
	 * The steps in the order they run; the order of the enum is the order of start-up.
	 */
	enum Stage {

		/** The municipalities as the engine's tenants. */
		TENANTS,

		/** The administrators' and the work groups with their authorizations. */
		GROUPS_AND_AUTHORIZATIONS,

		/** Tasklist's filters, shared with their groups. */
		FILTERS,

		/** The first administrator, or the demo users. */
		USERS,

		/** The processes folder. */
		DEPLOYMENT,

		/** The sweep over due dates that sends reminders and escalations. */
		DEADLINES,

		/** Demo projects (demo profile only). */
		DEMO_DATA

	}

	Stage stage();

	/** What the step does, for the log. */
	String description();

	void run();

}
