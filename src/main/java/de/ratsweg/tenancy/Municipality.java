package de.ratsweg.tenancy;

/**
 * A municipality sharing this installation: one Camunda tenant.
 *
 * @param id the tenant id, also the name of its folder below {@code processes/}
 * @param name the name users read, e.g. "Stadt Soest"
 */
public record Municipality(String id, String name) {
}
