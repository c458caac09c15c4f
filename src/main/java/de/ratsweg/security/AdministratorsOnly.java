package de.ratsweg.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The answer of the administrators' pages to everybody else, and to a request whose CSRF
 * token has expired: 403 with a German page (or a problem in JSON for the editors'
 * requests) that says why and where to go instead.
 */
class AdministratorsOnly implements AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(AdministratorsOnly.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
			throws IOException {
		boolean expired = refused instanceof CsrfException;
		String title = expired ? "Sitzung abgelaufen" : "Nur für die Administration";
		String detail = expired
				? "Die Seite ist nicht mehr gültig (Sitzung abgelaufen oder neu angemeldet). Laden Sie die Seite neu; "
						+ "Ihre Änderungen im Editor bleiben erhalten, solange Sie ihn nicht schließen."
				: "Prozesse bearbeiten und laufende Vorhaben umstellen dürfen nur Mitglieder der Administration. "
						+ "Wenden Sie sich an die Administration Ihrer Stadt, wenn ein Ablauf geändert werden soll.";
		log.info("Refused {} {} to '{}': {}", request.getMethod(), request.getRequestURI(),
				(request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null,
				expired ? "expired CSRF token" : "not an administrator");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		String accept = String.valueOf(request.getHeader("Accept"));
		if (accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + title
						+ " – Ratsweg</title><link rel=\"stylesheet\" href=\"/vertretung/style.css\"></head><body><header>"
						+ "<a class=\"brand\" href=\"/camunda/app/welcome/default/\">Ratsweg</a></header><main><h1>"
						+ title + "</h1><p>" + detail
						+ "</p><p><a href=\"/camunda/app/welcome/default/\">Zur Startseite</a></p></main></body></html>");
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":403,\"detail\":\"" + detail
						+ "\"}");
		}
	}

}
