package de.ratsweg.tenancy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipalities of this installation ({@code ratsweg.tenancy.municipalities}).
 *
 * @param municipalities one entry per tenant
 */
@ConfigurationProperties("ratsweg.tenancy")
record TenancyProperties(List<Municipality> municipalities) {

	/** Lower-case letters and digits, words joined by single hyphens: bad-berleburg. */
	static final Pattern TENANT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	TenancyProperties {
		municipalities = (municipalities != null) ? List.copyOf(municipalities) : List.of();
		Set<String> seen = new HashSet<>();
		for (Municipality municipality : municipalities) {
			String id = municipality.id();
			if (id == null || !TENANT_ID.matcher(id).matches()) {
				throw new IllegalArgumentException("ratsweg.tenancy.municipalities: the id '" + id
						+ "' is not a tenant id (lower-case letters and digits, joined by single hyphens)");
			}
			if (!seen.add(id)) {
				throw new IllegalArgumentException("ratsweg.tenancy.municipalities: the id '" + id + "' appears twice");
			}
			if (municipality.name() == null || municipality.name().isBlank()) {
				throw new IllegalArgumentException("ratsweg.tenancy.municipalities: '" + id + "' has no name");
			}
			if (blank(municipality.oparlLinksWritten()) != blank(municipality.oparlLinksRead())) {
				throw new IllegalArgumentException("ratsweg.tenancy.municipalities: '" + id + "' needs both "
						+ "oparl-links-written and oparl-links-read, or neither");
			}
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
