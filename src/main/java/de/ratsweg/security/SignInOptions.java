package de.ratsweg.security;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.ratsweg.identity.SingleSignOnProperties;

/**
 * How users log in here, for the webapps' login page ({@code ratsweg-sign-in.js}): it
 * offers single sign-on and the password form only where configured, and sends the
 * webapps' "Abmelden" through the provider when single sign-on is on.
 */
@RestController
class SignInOptions {

	static final String PATH = "/anmeldung/optionen";

	private final SingleSignOnProperties sso;

	SignInOptions(SingleSignOnProperties sso) {
		this.sso = sso;
	}

	@GetMapping(PATH)
	Options options() {
		if (!this.sso.enabled()) {
			return new Options(false, true, null, null);
		}
		return new Options(true, this.sso.passwordLogin(), this.sso.loginPath(), SingleSignOnProperties.LOGOUT_PATH);
	}

	/**
	 * @param singleSignOn whether the city's provider logs users in
	 * @param passwordLogin whether the webapps' password form is open
	 * @param login where single sign-on starts
	 * @param logout where both sessions end
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Options(boolean singleSignOn, boolean passwordLogin, String login, String logout) {
	}

}
