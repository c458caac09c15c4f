package de.ratsweg.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that a browser sends to the engine REST API on behalf of another site.
 * A browser that once asked its user for the Basic credentials keeps sending them;
 * without this check any web page could make it deploy or complete tasks (cross-site
 * request forgery). Tools such as Camunda Modeler and scripts send no
 * {@code Sec-Fetch-Site} header and are not affected.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

}
