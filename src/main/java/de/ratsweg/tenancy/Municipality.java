package de.ratsweg.tenancy;

/**
 * A municipality sharing this installation: one Camunda tenant.
 *
 * @param id the tenant id, also the name of its folder below {@code processes/}
 * @param name the name users read, e.g. "Stadt Soest"
 * @param oparlSystem the address of the {@code System} object of the municipality's
 * council information system (OParl 1.1), or empty: committee results are then recorded
 * by hand only
 * @param oparlLinksWritten for a council information system whose links point elsewhere
 * than where it answers: the beginning of its links as it writes them (e.g.
 * {@code https://ris.example.de/oparl/}), or empty
 * @param oparlLinksRead what that beginning is replaced by before a link is read (e.g.
 * {@code https://ris.example.de/ris/oparl/})
 */
public record Municipality(String id, String name, String oparlSystem, String oparlLinksWritten,
		String oparlLinksRead) {

	public boolean hasOParlSystem() {
		return this.oparlSystem != null && !this.oparlSystem.isBlank();
	}

}
