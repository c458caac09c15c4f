package de.ratsweg.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps (Tasklist, Cockpit, Admin) in the request's
 * session, as the webapps keep it.
 */
public final class WebappLogin {

	/** The engine Ratsweg runs (the webapps keep one login per engine). */
	public static final String ENGINE = "default";

	private WebappLogin() {
	}

	/** The user logged in to the webapps with the request's HTTP session, or null. */
	public static SignedIn of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Authentications authentications = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		if (authentications != null
				&& authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
			return new SignedIn(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
		}
		return null;
	}

	/**
	 * Logs the user in to the webapps in the request's HTTP session, as the webapps' own
	 * login does after checking a password: with the groups, municipalities and apps the
	 * engine gives the user. Used after a single sign-on.
	 * @return the login, or null when the engine does not know the user
	 */
	public static SignedIn signIn(HttpServletRequest request, ProcessEngine engine, String userId) {
		UserAuthentication user = AuthenticationUtil.createAuthentication(engine, userId);
		if (user == null) {
			return null;
		}
		HttpSession session = request.getSession(true);
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null) {
			authentications = new Authentications();
		}
		authentications.addOrReplace(user);
		AuthenticationUtil.updateSession(session, authentications);
		return new SignedIn(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
	}

}
