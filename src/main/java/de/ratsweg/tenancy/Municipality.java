package de.ratsweg.tenancy;

/**
 * A municipality sharing this installation: one Camunda tenant.
 *
 * @param id the tenant id, also the name of its folder below {@code processes/}
 * @param name the name users read, e.g. "Stadt Soest"
 * @param oparlSystem the address of the {@code System} object of the municipality's
 * council information system (OParl 1.1), or empty: committee results are then recorded
 * by hand only
 */
public record Municipality(String id, String name, String oparlSystem) {

	public boolean hasOParlSystem() {
		return this.oparlSystem != null && !this.oparlSystem.isBlank();
	}

}
