package de.ratsweg.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import de.ratsweg.RatswegSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's webapps declare {@code <html lang="en">} whatever they show; a screen reader
 * then reads German as English. In a German browser every webapp's page (here its login
 * page, before and after Angular has started) declares German.
 */
@RatswegSpringTest
class WebappsDeclareTheirLanguageTest {

	@LocalServerPort
	private int port;

	@Test
	void everyWebappDeclaresGermanInAGermanBrowser() {
		try (Browser browser = Browser.open(this.port)) {
			for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
				browser.go("/camunda/app/" + app + "/default/");
				browser.waitFor(By.cssSelector("form input[type='password']"));
				Object declared = browser.until((driver) -> {
					Object language = browser.script("return document.documentElement.lang");
					return "de".equals(language) ? language : null;
				});
				assertThat(declared).as(app).isEqualTo("de");
				assertThat(browser.text()).as(app).contains("Anmelden");
			}
		}
	}

}
