package de.ratsweg.overview;

import java.util.Date;
import java.util.List;
import java.util.Set;

import de.ratsweg.kernel.Dates;

/**
 * One project on its diagram: the steps it passed, where it stands, the flows it took,
 * and its phases in time order.
 *
 * @param summary the project as listed
 * @param processDefinitionId the version of the main process it runs on
 * @param passed ids of the steps passed
 * @param current ids of the steps it stands at
 * @param flows ids of the sequence flows taken
 * @param phases the phase steps in the order they began
 * @param coSigners the departments of the latest co-signing and why each co-signs (empty
 * before the co-signing, and for projects from before Ratsweg kept the reasons)
 */
record ProjectPath(ProjectSummary summary, String processDefinitionId, Set<String> passed, Set<String> current,
		List<String> flows, List<Step> phases, List<CoSigner> coSigners) {

	/**
	 * A department that co-signs the idea.
	 *
	 * @param department the department's name
	 * @param reasons why it co-signs (German)
	 */
	record CoSigner(String department, String reasons) {
	}

	/**
	 * One pass through a phase.
	 *
	 * @param phase the phase (German)
	 * @param step the step's name in the diagram
	 * @param started when it began
	 * @param ended when it ended, or null
	 * @param days whole days it took or takes so far
	 */
	record Step(String phase, String step, Date started, Date ended, long days) {

		/** The day it began, German notation (Berlin). */
		public String startedDay() {
			return Dates.german(Dates.day(this.started));
		}

		/** The day it ended, German notation, or "läuft". */
		public String endedDay() {
			return (this.ended != null) ? Dates.german(Dates.day(this.ended)) : "läuft";
		}

	}

}
