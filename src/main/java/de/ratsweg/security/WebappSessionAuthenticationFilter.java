package de.ratsweg.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ratsweg's own pages use the login of the Camunda webapps: whoever is logged in to
 * Tasklist (same session) is logged in here, with the same user, groups and
 * municipalities. Nobody needs a second password, and logging out of the webapps logs out
 * here too.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

	static final String ENGINE = "default";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentications authentications = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		if (authentications != null
				&& authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
			RatswegUser principal = new RatswegUser(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					AuthorityUtils.createAuthorityList(
							principal.isAdmin() ? IdentityServiceAuthenticationProvider.ROLE_ADMIN : "ROLE_USER")));
			SecurityContextHolder.setContext(context);
		}
		// Spring's SecurityContextHolderFilter clears the context after the request (and
		// not
		// before the ExceptionTranslationFilter has seen who is asking).
		chain.doFilter(request, response);
	}

}
