package de.ratsweg.accessibility;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the accessibility statement ("Erklärung zur Barrierefreiheit") names that only the
 * operator of an installation knows: where users report barriers, the enforcement body of
 * the operator's federal state, and when the statement was last reviewed.
 *
 * @param contactName the office that answers reports of barriers, e.g. "Stadt Soest,
 * Beauftragte für digitale Barrierefreiheit"
 * @param contactEmail its e-mail address
 * @param contactPhone its telephone number (optional)
 * @param enforcementName the enforcement or arbitration body of the federal state (e.g.
 * the state's ombudsperson for accessible IT)
 * @param enforcementUrl the address of its web page
 * @param reviewedOn the day the operator last checked the statement
 */
@ConfigurationProperties("ratsweg.accessibility")
public record AccessibilityProperties(String contactName, String contactEmail, String contactPhone,
		String enforcementName, String enforcementUrl, @DefaultValue("2026-12-03") LocalDate reviewedOn) {

	/** Whether users are told where to report a barrier. */
	public boolean hasContact() {
		return isSet(this.contactEmail) || isSet(this.contactPhone);
	}

	/** Whether the enforcement body is named. */
	public boolean hasEnforcementBody() {
		return isSet(this.enforcementName);
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

}
