package de.ratsweg.committee;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A result text of a council information system ({@code AgendaItem.result}) as the result
 * table ({@value #DECISION_KEY}) reads it: one spelling for the many ways systems write
 * the same words, and the vote count when the text gives one.
 *
 * <p>
 * The normalized text is lower case, umlauts and ß written out (ä → ae, ß → ss), HTML
 * entities and Unicode escapes (a backslash, "u", four hex digits) resolved, every other
 * character but letters and digits a space, spaces collapsed: „Zugestimmt zu geändertem
 * Beschlusstext“ and „zugestimmt&nbsp;zu ge&auml;ndertem Beschlusstext.“ both read
 * {@code zugestimmt zu geaendertem beschlusstext}.
 *
 * @param text the text as the council information system wrote it
 * @param normalized the text as the table reads it
 * @param yes the number of yes votes the text names, or null
 * @param no the number of no votes the text names, or null
 */
public record ResultText(String text, String normalized, Integer yes, Integer no) {

	/** The result table: from the normalized text and the votes to the outcome. */
	public static final String DECISION_KEY = "CommitteeResultDecision";

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final String NUMBER = "(\\d{1,3})";

	private static final String YES = "(?:ja|jastimmen|dafuer)";

	private static final String NO = "(?:nein|neinstimmen|gegenstimmen?|dagegen)";

	/** Any word of a vote count: tells whether the text puts the number before it. */
	private static final Pattern COUNT_WORD = Pattern.compile("\\b(?:" + YES + "|" + NO + "|enthaltung(?:en)?)\\b");

	private static final Pattern NUMBER_BEFORE = Pattern.compile("\\b" + NUMBER + " $");

	/** "12 ja", "12 jastimmen", "12 dafuer" */
	private static final Pattern YES_AFTER_NUMBER = Pattern.compile("\\b" + NUMBER + " " + YES + "\\b");

	/** "ja 12", "jastimmen 12", "dafuer 12" */
	private static final Pattern YES_BEFORE_NUMBER = Pattern.compile("\\b" + YES + " " + NUMBER + "\\b");

	/** "3 nein", "3 neinstimmen", "3 gegenstimmen", "3 dagegen" */
	private static final Pattern NO_AFTER_NUMBER = Pattern.compile("\\b" + NUMBER + " " + NO + "\\b");

	/** "nein 3", "neinstimmen 3", "gegenstimmen 3", "dagegen 3" */
	private static final Pattern NO_BEFORE_NUMBER = Pattern.compile("\\b" + NO + " " + NUMBER + "\\b");

	private static final Map<String, String> LETTERS = new LinkedHashMap<>();

	static {
		LETTERS.put("ä", "ae");
		LETTERS.put("ö", "oe");
		LETTERS.put("ü", "ue");
		LETTERS.put("ß", "ss");
	}

	/** The text as the table reads it; null reads as empty. */
	public static ResultText of(String text) {
		String normalized = normalize(text);
		// "ja stimmen" and "ja-stimmen" read as one word, so that "12 ja stimmen 3 nein"
		// counts both
		String counted = normalized.replace("ja stimmen", "jastimmen").replace("nein stimmen", "neinstimmen");
		// "Ja: 6, Nein: 3" names the word first, "12 Ja-Stimmen, 3 Nein-Stimmen" the
		// number:
		// the first word of the count tells which, so "6 nein" in the first is not read
		Matcher first = COUNT_WORD.matcher(counted);
		boolean numberFirst = first.find() && NUMBER_BEFORE.matcher(counted.substring(0, first.start())).find();
		return new ResultText(text, normalized, count(numberFirst ? YES_AFTER_NUMBER : YES_BEFORE_NUMBER, counted),
				count(numberFirst ? NO_AFTER_NUMBER : NO_BEFORE_NUMBER, counted));
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String unescaped = HtmlUtils.htmlUnescape(text);
		Matcher escape = UNICODE_ESCAPE.matcher(unescaped);
		StringBuilder resolved = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(resolved,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
		}
		escape.appendTail(resolved);
		String lower = Normalizer.normalize(resolved.toString(), Normalizer.Form.NFC).toLowerCase(Locale.GERMAN);
		for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
			lower = lower.replace(letter.getKey(), letter.getValue());
		}
		return NOT_A_WORD.matcher(lower).replaceAll(" ").trim();
	}

	private static Integer count(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		return Integer.valueOf(matcher.group(1));
	}

	/** The table's inputs. */
	Map<String, Object> inputs() {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("resultText", this.normalized);
		inputs.put("yesVotes", this.yes);
		inputs.put("noVotes", this.no);
		return inputs;
	}

}
