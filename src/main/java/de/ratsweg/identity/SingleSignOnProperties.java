package de.ratsweg.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through the city's OpenID Connect provider (Keycloak, often in front of
 * Active Directory) for the webapps and Ratsweg's pages ({@code ratsweg.identity.sso}).
 * The provider itself is Spring Boot's client registration
 * {@code spring.security.oauth2.client.registration.<registration-id>}.
 *
 * @param enabled whether users log in through the provider
 * @param registrationId the client registration to use
 * @param userIdClaim the claim of the ID token that is the Ratsweg user id (Keycloak:
 * {@code preferred_username}, which is the AD {@code sAMAccountName} when Keycloak reads
 * the directory)
 * @param passwordLogin whether the webapps' own login form stays open beside single
 * sign-on (for accounts that exist only in Ratsweg)
 */
@ConfigurationProperties("ratsweg.identity.sso")
public record SingleSignOnProperties(boolean enabled, @DefaultValue("ratsweg") String registrationId,
		@DefaultValue("preferred_username") String userIdClaim, boolean passwordLogin) {

	/** Where the browser starts a single sign-on. */
	public String loginPath() {
		return "/oauth2/authorization/" + this.registrationId;
	}

	/** Where the browser ends both sessions, Ratsweg's and the provider's. */
	public static final String LOGOUT_PATH = "/abmelden";

}
