package de.ratsweg.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups Ratsweg knows, with their German names. Group ids are what the models use as
 * candidate groups; they never change, the names may.
 */
public final class RatswegGroups {

	/** Administrators: change what runs, manage users. Camunda's own admin group. */
	public static final String ADMIN = Groups.CAMUNDA_ADMIN;

	/** The administrators' group's name. */
	public static final String ADMIN_NAME = "Administration";

	/** Staff of the administration who capture and revise project ideas. */
	public static final String STAFF = "sachbearbeitung";

	/** Members of the administrative board (Verwaltungsvorstand). */
	public static final String BOARD = "verwaltungsvorstand";

	/** The mayor, who breaks a tie in the board and signs funding applications. */
	public static final String MAYOR = "buergermeister";

	/** The board office that prepares and records the board's decisions. */
	public static final String BOARD_OFFICE = "vorstandsbuero";

	/** The committee office (Ratsbüro) that records committee resolutions. */
	public static final String COMMITTEE_OFFICE = "ratsbuero";

	/** The treasury (Kämmerei). */
	public static final String TREASURY = "kaemmerei";

	public static final String IT = "fb-it";

	public static final String DATA_PROTECTION = "datenschutz";

	public static final String URBAN_DEVELOPMENT = "fb-stadtentwicklung";

	public static final String ENVIRONMENT = "fb-umwelt";

	/** The Chief Digital Officer, who may sign funding applications. */
	public static final String CHIEF_DIGITAL_OFFICER = "cdo";

	/**
	 * Leads (Leitung): a member of this group and of a work group leads that work group
	 * in their municipality. Leads are told when their group's tasks run late.
	 */
	public static final String LEADS = "leitung";

	/** Every group that does work in the processes, with the name users read. */
	public static final Map<String, String> WORK_GROUPS;

	private static final String[] ORDER;

	static {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put(STAFF, "Sachbearbeitung");
		groups.put(BOARD, "Verwaltungsvorstand");
		groups.put(MAYOR, "Bürgermeisterin / Bürgermeister");
		groups.put(BOARD_OFFICE, "Vorstandsbüro");
		groups.put(COMMITTEE_OFFICE, "Ratsbüro");
		groups.put(TREASURY, "Kämmerei");
		groups.put(IT, "Fachbereich IT und Digitalisierung");
		groups.put(DATA_PROTECTION, "Datenschutz");
		groups.put(URBAN_DEVELOPMENT, "Fachbereich Stadtentwicklung");
		groups.put(ENVIRONMENT, "Fachbereich Umwelt");
		groups.put(CHIEF_DIGITAL_OFFICER, "Chief Digital Officer");
		WORK_GROUPS = Map.copyOf(groups);
		ORDER = groups.keySet().toArray(String[]::new);
	}

	private RatswegGroups() {
	}

	/**
	 * The work groups in a stable order (for set-up and listings).
	 */
	public static String[] workGroupIds() {
		return ORDER.clone();
	}

	/**
	 * Every group Ratsweg knows: administrators, the work groups, leads.
	 */
	public static List<String> allGroupIds() {
		List<String> ids = new ArrayList<>();
		ids.add(ADMIN);
		ids.addAll(List.of(ORDER));
		ids.add(LEADS);
		return ids;
	}

	public static boolean isKnown(String groupId) {
		return ADMIN.equals(groupId) || LEADS.equals(groupId) || WORK_GROUPS.containsKey(groupId);
	}

	/**
	 * The German name of a group, or the id when the group is not one of Ratsweg's.
	 */
	public static String nameOf(String groupId) {
		if (LEADS.equals(groupId)) {
			return "Leitung";
		}

		return WORK_GROUPS.getOrDefault(groupId, groupId);
	}

}
