package de.ratsweg.substitution;

/**
 * When an absence begins and ends, as timers of the engine: at its start the user's tasks
 * are offered to the substitutes, at its end the offer is withdrawn. Timers, so that one
 * node of a cluster does it, in the transaction of the job, with retries.
 */
public interface AbsenceSchedule {

	/** Plans the start (if still ahead) and the end of the absence. */
	void plan(Absence absence);

	/** Takes back what {@link #plan} planned. */
	void cancel(Absence absence);

	/**
	 * Whichever edge of the absence is reached: today's absences of the user decide, so
	 * that back-to-back absences come out right whichever timer runs first.
	 */
	static void reached(AbsenceService service, String absenceId) {
		Absence absence = service.find(absenceId);
		if (absence == null) {
			// removed: its removal already withdrew what it had offered
			return;
		}
		service.reconcile(absence.userId(), absence.tenantId());
	}

}
