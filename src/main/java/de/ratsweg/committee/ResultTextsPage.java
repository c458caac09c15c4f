package de.ratsweg.committee;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.ratsweg.security.UserDirectory;

/**
 * For administrators: the result texts of the council information systems that the result
 * table did not read, how often each came, and what the committee office chose for it, so
 * that they can extend {@code processes/CommitteeResultDecision.dmn} (or a municipality's
 * own) in Camunda Modeler.
 */
@Controller
class ResultTextsPage {

	private static final String ADMIN = "ROLE_ADMIN";

	private final ResultTextLog log;

	private final ProcessEngine engine;

	ResultTextsPage(ResultTextLog log, ProcessEngine engine) {
		this.log = log;
		this.engine = engine;
	}

	/**
	 * One row of the page.
	 *
	 * @param text the text as sent
	 * @param normalized as the table reads it
	 * @param municipalities the municipalities whose systems sent it
	 * @param occurrences how often it came
	 * @param choices what the office chose, in German, e.g. "vertagt (2×)"
	 */
	record Row(String text, String normalized, String municipalities, int occurrences, String choices) {
	}

	@GetMapping("/uebersicht/ergebnistexte")
	String resultTexts(Authentication user, Model model, HttpServletResponse response) {
		model.addAttribute("actorName", UserDirectory.fullName(this.engine.getIdentityService(), user.getName()));
		if (user.getAuthorities().stream().noneMatch((authority) -> ADMIN.equals(authority.getAuthority()))) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "committee/result-texts-refused";
		}
		List<Row> rows = this.log.unread()
			.stream()
			.map((unread) -> new Row(unread.text(), unread.normalized(), String.join(", ", unread.municipalities()),
					unread.occurrences(), choices(unread.choices())))
			.toList();
		model.addAttribute("rows", rows);
		return "committee/result-texts";
	}

	private static String choices(Map<String, Integer> choices) {
		if (choices.isEmpty()) {
			return "noch nicht geklärt";
		}
		return choices.entrySet()
			.stream()
			.map((choice) -> CommitteeDecisions.RESULTS.getOrDefault(choice.getKey(), choice.getKey()) + " ("
					+ choice.getValue() + "×)")
			.collect(Collectors.joining(", "));
	}

}
