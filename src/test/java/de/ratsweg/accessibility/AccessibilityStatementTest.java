package de.ratsweg.accessibility;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import de.ratsweg.RatswegSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility statement names what the operator has set, and nothing for what is
 * not set: no empty "Telefon:", no link without an address, and a plain sentence while no
 * contact is set.
 */
@RatswegSpringTest
class AccessibilityStatementTest {

	private static final LocalDate REVIEWED = LocalDate.of(2026, 11, 30);

	private final ITemplateEngine templates;

	@Autowired
	AccessibilityStatementTest(ITemplateEngine templates) {
		this.templates = templates;
	}

	@Test
	void theStatementNamesTheContactAndTheEnforcementBodyTheOperatorSet() {
		String page = statement(
				new AccessibilityProperties("Stadt Menden, Inklusionsbeauftragte", "barrierefreiheit@menden.example",
						"02373 903-0", "Ombudsstelle des Landes", "https://ombudsstelle.example/", REVIEWED));

		assertThat(page)
			.contains("teilweise vereinbar", "Stadt Menden, Inklusionsbeauftragte",
					"<a href=\"mailto:barrierefreiheit@menden.example\">barrierefreiheit@menden.example</a>",
					"Telefon: 02373 903-0", "<a href=\"https://ombudsstelle.example/\">Ombudsstelle des Landes</a>",
					"Zuletzt überprüft am\n    <time datetime=\"2026-11-30\">30.11.2026</time>")
			.doesNotContain("noch nicht eingetragen");
	}

	@Test
	void whatTheOperatorLeftEmptyIsNotShown() {
		String page = statement(new AccessibilityProperties("", "barrierefreiheit@soest.example", "",
				"Ombudsstelle des Landes", "", REVIEWED));

		assertThat(page).contains("mailto:barrierefreiheit@soest.example", "<span>Ombudsstelle des Landes</span>")
			.doesNotContain("Telefon", "href=\"\"", "noch nicht eingetragen");
	}

	@Test
	void withoutAContactThePageSaysWhomToAsk() {
		String page = statement(new AccessibilityProperties(null, null, null, null, null, REVIEWED));

		assertThat(page)
			.contains("Die Kontaktstelle für Meldungen ist noch\n    nicht eingetragen",
					"(Durchsetzungs- oder Ombudsstelle für barrierefreie")
			.doesNotContain("E-Mail:", "Telefon");
	}

	private String statement(AccessibilityProperties properties) {
		MockServletContext servletContext = new MockServletContext();
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(servletContext)
					.buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse()),
				Locale.GERMANY);
		context.setVariable("accessibility", properties);
		return this.templates.process("accessibility/statement", context);
	}

}
