package de.ratsweg.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;

/**
 * A Camunda Form (form-js) in Tasklist, filled the way a user does: fields are found by
 * the label the user reads, values go in through the events typing and clicking cause
 * (this headless Chromium does not deliver native input into Tasklist's sandboxed page),
 * and every field is left again so that form-js validates it.
 */
final class FormInBrowser {

	static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** The form field whose (first) label starts with the given text. */
	private static final String FIELD = """
			const field = [...document.querySelectorAll('.fjs-form .fjs-form-field')].find((f) => {
			  const label = f.querySelector('label');
			  return label && label.textContent.replace('*', '').trim().startsWith(arguments[0]);
			});
			if (!field) { throw new Error('No form field labelled ' + arguments[0]); }
			""";

	/**
	 * Puts {@code arguments[1]} into the field's {@code input} through the events typing
	 * causes, then leaves the field.
	 */
	private static final String SET_AND_LEAVE = """
				Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set.call(input, arguments[1]);
				input.dispatchEvent(new Event('input', { bubbles: true }));
				input.dispatchEvent(new Event('change', { bubbles: true }));
				input.dispatchEvent(new FocusEvent('blur', { bubbles: false }));
				input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
			""";

	private final Browser browser;

	FormInBrowser(Browser browser) {
		this.browser = browser;
	}

	/**
	 * Waits until the form is shown and can be filled (Tasklist enables it after
	 * claiming).
	 */
	FormInBrowser shown() {
		this.browser.waitFor(By.cssSelector(".fjs-form"));
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script("""
				const inputs = [...document.querySelectorAll('.fjs-form input, .fjs-form textarea')];
				return inputs.length > 0 && inputs.some((input) => !input.disabled && !input.readOnly);
				""")) ? true : null);
		return this;
	}

	/** Types into a text field, text area or number field and leaves it. */
	FormInBrowser type(String label, String text) {
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script(FIELD + """
				const input = field.querySelector('textarea, input');
				if (input.value === arguments[1]) { return true; }
				""" + SET_AND_LEAVE + "return false;", label, text)) ? true : null);
		return this;
	}

	/** Types a day as a German user does (TT.MM.JJJJ) into a date field and leaves it. */
	FormInBrowser date(String label, LocalDate day) {
		return typeDate(label, GERMAN_DAY.format(day));
	}

	/**
	 * Types the text into a date field and leaves it, until the field shows that day (the
	 * date picker writes it as d.M.yyyy).
	 */
	FormInBrowser typeDate(String label, String text) {
		this.browser.until((driver) -> {
			if (Boolean.TRUE.equals(this.browser.script(FIELD + """
					const input = field.querySelector('input');
					const day = (value) => value.split('.').map((part) => String(Number(part))).join('.');
					return input.dataset.ratswegTyped === arguments[1] && day(input.value) === day(arguments[1]);
					""", label, text))) {
				return true;
			}
			typeDateOnce(label, text);
			return null;
		});
		return this;
	}

	/**
	 * Types (or pastes) text into a date field once and leaves it, whatever it then
	 * shows.
	 */
	FormInBrowser typeDateOnce(String label, String text) {
		this.browser.script(FIELD + """
				const input = field.querySelector('input');
				input.dataset.ratswegTyped = arguments[1];
				input.dispatchEvent(new FocusEvent('focus', { bubbles: false }));
				""" + SET_AND_LEAVE, label, text);
		return this;
	}

	/** Picks one answer of a radio group. */
	FormInBrowser pick(String label, String option) {
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script(FIELD + """
				const choice = [...field.querySelectorAll('label')].find((l) => l.textContent.trim() === arguments[1]);
				if (!choice) { throw new Error('No answer ' + arguments[1] + ' for ' + arguments[0]); }
				const input = choice.querySelector('input') || document.getElementById(choice.htmlFor);
				if (!input.checked) { input.click(); }
				return input.checked;
				""", label, option)) ? true : null);
		return this;
	}

	/** Ticks or unticks a checkbox. */
	FormInBrowser tick(String label, boolean ticked) {
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script(FIELD + """
				const input = field.querySelector('input[type=checkbox]');
				if (input.checked !== arguments[1]) { input.click(); }
				return input.checked === arguments[1];
				""", label, ticked)) ? true : null);
		return this;
	}

	/** Ticks exactly the given options of a checklist. */
	FormInBrowser tickAll(String label, List<String> options) {
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script(FIELD + """
				let done = true;
				for (const choice of field.querySelectorAll('label')) {
				  const input = choice.querySelector('input[type=checkbox]');
				  if (!input) { continue; }
				  const wanted = arguments[1].includes(choice.textContent.trim());
				  if (input.checked !== wanted) { input.click(); done = false; }
				}
				return done;
				""", label, options)) ? true : null);
		return this;
	}

	/**
	 * Chooses an option of a select: it opens on mouse-down, an option is taken on
	 * mouse-down.
	 */
	FormInBrowser choose(String label, String option) {
		this.browser.script(FIELD + """
				const display = field.querySelector('.fjs-select-display') || field.querySelector('.fjs-input-group');
				display.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
				""", label);
		this.browser.script("arguments[0].dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));", this.browser
			.waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']")));
		this.browser.until((driver) -> Boolean.TRUE.equals(this.browser.script(FIELD + """
				return field.textContent.includes(arguments[1]);
				""", label, option)) ? true : null);
		return this;
	}

	/** The value a field shows. */
	String value(String label) {
		return String.valueOf(this.browser.script(FIELD + """
				const input = field.querySelector('textarea, input');
				return input ? input.value : field.textContent;
				""", label));
	}

	/** The placeholder of a field's input. */
	String placeholder(String label) {
		return String.valueOf(this.browser.script(FIELD + "return field.querySelector('input').placeholder;", label));
	}

	/** The messages form-js shows next to the field. */
	String errorAt(String label) {
		return String.valueOf(this.browser.script(FIELD + """
				return [...field.querySelectorAll('.fjs-form-field-error')].map((e) => e.textContent.trim()).join(' ');
				""", label));
	}

	/** Everything the form shows as text (headings, hints, warnings). */
	String text() {
		return String.valueOf(this.browser.script("return document.querySelector('.fjs-form').innerText;"));
	}

	/** Clicks "Abschließen". */
	void complete() {
		this.browser.script("arguments[0].scrollIntoView({ block: 'center' });",
				this.browser.waitFor(By.xpath("//button[normalize-space(.)='Abschließen']")));
		this.browser.click(this.browser.waitFor(By.xpath("//button[normalize-space(.)='Abschließen']")));
	}

}
