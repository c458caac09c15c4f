package de.ratsweg.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import de.ratsweg.engine.SignedIn;
import de.ratsweg.engine.WebappLogin;

/**
 * Ratsweg's own pages use the login of the Camunda webapps: whoever is logged in to
 * Tasklist (same session) is logged in here, with the same user, groups and
 * municipalities. Nobody needs a second password, and logging out of the webapps logs out
 * here too.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignedIn user = WebappLogin.of(request);
		if (user != null) {
			RatswegUser principal = new RatswegUser(user.userId(), user.groupIds(), user.tenantIds());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
			SecurityContextHolder.setContext(context);
		}
		// Spring's SecurityContextHolderFilter clears the context after the request (and
		// not
		// before the ExceptionTranslationFilter has seen who is asking).
		chain.doFilter(request, response);
	}

}
