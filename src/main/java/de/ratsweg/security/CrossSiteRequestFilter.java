package de.ratsweg.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

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
 * {@code Sec-Fetch-Site} header and are not affected. Browsers without
 * {@code Sec-Fetch-Site} still send {@code Origin} with every cross-site request that
 * changes something: an {@code Origin} other than the server's own is refused as well.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if ((site != null && !site.equals("same-origin") && !site.equals("none")) || fromAnotherOrigin(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * An {@code Origin} header that names another scheme, host or port than the request
	 * was sent to ({@code null}, sent by sandboxed pages and redirects, included).
	 */
	static boolean fromAnotherOrigin(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		try {
			URI uri = new URI(origin);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
			return !(request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port);
		}
		catch (URISyntaxException ex) {
			return true;
		}
	}

}
