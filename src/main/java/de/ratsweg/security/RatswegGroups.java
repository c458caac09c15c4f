package de.ratsweg.security;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups Ratsweg knows. Group ids are what models use as candidate groups.
 */
public final class RatswegGroups {

	/** Administrators: change what runs, manage users. Camunda's own admin group. */
	public static final String ADMIN = Groups.CAMUNDA_ADMIN;

	/** Staff of the administration who capture and revise project ideas. */
	public static final String STAFF = "sachbearbeitung";

	/** Members of the administrative board (Verwaltungsvorstand). */
	public static final String BOARD = "verwaltungsvorstand";

	/** The committee office (Ratsbüro) that records committee resolutions. */
	public static final String COMMITTEE_OFFICE = "ratsbuero";

	private RatswegGroups() {
	}

}
