package de.ratsweg.accessibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement ({@code /barrierefreiheit}) that BITV 2.0 asks of a public
 * body: how far Ratsweg conforms to WCAG 2.1 AA, what remains and why, and where users
 * report barriers. Open to everybody, also before the login, and linked from every page.
 */
@Controller
@EnableConfigurationProperties(AccessibilityProperties.class)
class AccessibilityStatementController {

	/** The address of the statement. */
	static final String PATH = "/barrierefreiheit";

	private static final Logger log = LoggerFactory.getLogger(AccessibilityStatementController.class);

	private final AccessibilityProperties properties;

	AccessibilityStatementController(AccessibilityProperties properties) {
		this.properties = properties;
	}

	@GetMapping(PATH)
	String statement(Model model) {
		model.addAttribute("accessibility", this.properties);
		return "accessibility/statement";
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWithoutContact() {
		if (!this.properties.hasContact()) {
			log.warn(
					"The accessibility statement at {} names no contact for reports of barriers, which BITV 2.0 "
							+ "requires: set ratsweg.accessibility.contact-email (RATSWEG_ACCESSIBILITY_CONTACT_EMAIL)",
					PATH);
		}
	}

}
