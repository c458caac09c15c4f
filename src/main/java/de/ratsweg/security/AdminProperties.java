package de.ratsweg.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator outside the demo profile, from environment variables.
 *
 * @param userId user id ({@code RATSWEG_ADMIN_USER})
 * @param password password ({@code RATSWEG_ADMIN_PASSWORD}); required until an
 * administrator exists, and never a well-known default
 * @param firstName first name shown in the webapps
 * @param lastName last name shown in the webapps
 * @param email e-mail address
 */
@ConfigurationProperties("ratsweg.admin")
record AdminProperties(@DefaultValue("admin") String userId, String password, @DefaultValue("Ratsweg") String firstName,
		@DefaultValue("Administration") String lastName, String email) {

	@Override
	public String toString() {
		return "AdminProperties[userId=" + this.userId + ", password=***]";
	}

}
