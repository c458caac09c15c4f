package de.ratsweg.overview;

import java.util.Date;
import java.util.Map;

import de.ratsweg.kernel.Dates;

/**
 * One project as the overview lists it.
 *
 * @param instanceId the main process instance
 * @param businessKey the project number
 * @param title the project's title
 * @param municipality the municipality's name
 * @param started when the idea was submitted
 * @param ended when the project ended, or null
 * @param phase the current phase (German), or how the project ended
 * @param phaseStarted when the current phase began, or null
 * @param daysInPhase whole days in the current phase (0 when ended)
 * @param daysSinceIdea whole days from the idea to today, or to the end
 * @param sessions committee sessions so far
 * @param completed whether it reached an end of its process (not cancelled by an
 * administrator): only those count in the statistics
 * @param timeInPhase milliseconds spent in each phase so far
 */
record ProjectSummary(String instanceId, String businessKey, String title, String municipality, Date started,
		Date ended, String phase, Date phaseStarted, long daysInPhase, long daysSinceIdea, int sessions,
		boolean completed, Map<Phase, Long> timeInPhase) {

	public boolean finished() {
		return this.ended != null;
	}

	/** The day the idea was submitted, German notation. */
	public String startedDay() {
		return Dates.german(Dates.day(this.started));
	}

}
