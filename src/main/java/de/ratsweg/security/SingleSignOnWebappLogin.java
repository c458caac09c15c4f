package de.ratsweg.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import de.ratsweg.engine.SignedIn;
import de.ratsweg.engine.WebappLogin;
import de.ratsweg.identity.SingleSignOnProperties;

/**
 * After a single sign-on, logs the user in to the webapps in the same session: the user
 * id comes from the provider's token, groups and municipalities from Ratsweg's identity
 * source (the directory, or the engine's users), exactly as after a password login.
 * Someone the identity source does not know, or who is in no Ratsweg group, is refused
 * with a German page.
 */
class SingleSignOnWebappLogin extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnWebappLogin.class);

	private final ProcessEngine engine;

	private final SingleSignOnProperties properties;

	SingleSignOnWebappLogin(ProcessEngine engine, SingleSignOnProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof OAuth2AuthenticationToken token && WebappLogin.of(request) == null) {
			Object claim = token.getPrincipal().getAttributes().get(this.properties.userIdClaim());
			String userId = (claim != null) ? claim.toString() : null;
			SignedIn user = (userId != null) ? WebappLogin.signIn(request, this.engine, userId) : null;
			if (user == null || (user.groupIds().isEmpty() && user.tenantIds().isEmpty())) {
				log.warn("Single sign-on of '{}' refused: unknown to Ratsweg's identity source or in no Ratsweg group",
						userId);
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				refuse(response, userId);
				return;
			}
			log.info("Single sign-on: '{}' logged in to the webapps (groups {}, municipalities {})", user.userId(),
					user.groupIds(), user.tenantIds());
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String userId) throws IOException {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("text/html;charset=UTF-8");
		String who = (userId != null) ? "„" + HtmlUtils.htmlEscape(userId) + "“" : "ohne Benutzernamen";
		response.getOutputStream()
			.write(("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Kein Zugang zu Ratsweg"
					+ "</title></head><body><main><h1>Kein Zugang zu Ratsweg</h1><p>Ihr Konto " + who
					+ " ist angemeldet, aber für Ratsweg nicht freigeschaltet: es gehört zu keiner Gruppe, der Ratsweg "
					+ "Aufgaben gibt. Bitte wenden Sie sich an die IT Ihrer Stadt.</p></main></body></html>")
				.getBytes(StandardCharsets.UTF_8));
	}

}
