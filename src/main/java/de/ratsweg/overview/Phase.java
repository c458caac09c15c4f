package de.ratsweg.overview;

import java.util.List;
import java.util.Optional;

import de.ratsweg.project.SmartCityProject;

/**
 * The phases of a Smart-City project as the overview names them, each made of steps of
 * the main process "Smart-City-Vorhaben". A phase a project passes twice (the board after
 * a revision) counts with the time of both passes.
 */
enum Phase {

	CO_SIGNING("Mitzeichnung der Fachbereiche", SmartCityProject.CO_SIGNING),

	BOARD("Verwaltungsvorstand", SmartCityProject.BOARD_APPROVAL),

	REVISION("Überarbeitung der Idee", SmartCityProject.REVISE_IDEA),

	FINANCING("Finanzierung klären", SmartCityProject.DECIDE_FUNDING_ROUTE, SmartCityProject.CLARIFY_FINANCING),

	COMMITTEES("Beratungsfolge in den Gremien", SmartCityProject.COMMITTEE_RESOLUTION),

	FUNDING("Förderantrag", SmartCityProject.FUNDING_APPLICATION),

	ORGANISATION("Projektorganisation", SmartCityProject.SET_UP_ORGANISATION);

	private final String label;

	private final List<String> activityIds;

	Phase(String label, String... activityIds) {
		this.label = label;
		this.activityIds = List.of(activityIds);
	}

	String label() {
		return this.label;
	}

	static Optional<Phase> of(String activityId) {
		for (Phase phase : values()) {
			if (phase.activityIds.contains(activityId)) {
				return Optional.of(phase);
			}
		}
		return Optional.empty();
	}

}
