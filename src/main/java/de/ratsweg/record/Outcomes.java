package de.ratsweg.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.ratsweg.forms.FormValues;
import de.ratsweg.kernel.Dates;

/**
 * How the decision record words the values the processes keep: German labels, amounts,
 * days, and texts put together line by line. The labels of each process's own values live
 * with that process's {@link DecisionEntries}.
 */
public final class Outcomes {

	/** The outcome of a project that has not ended yet. */
	public static final String RUNNING = "in Bearbeitung";

	/** The outcome of a project that was cancelled (e.g. in Cockpit). */
	public static final String CANCELLED = "abgebrochen";

	private Outcomes() {
	}

	/** The German word for the value, the value itself when unknown, or null. */
	public static String label(Map<String, String> labels, Object value) {
		if (value == null) {
			return null;
		}
		return labels.getOrDefault(String.valueOf(value), String.valueOf(value));
	}

	/** "180.000,00 EUR", or null when the value is no number. */
	public static String euro(Object value) {
		BigDecimal amount = FormValues.number(value);
		return (amount != null) ? String.format(Locale.GERMANY, "%,.2f EUR", amount) : null;
	}

	public static String yesNo(Object value) {
		return Boolean.TRUE.equals(value) || "true".equals(value) ? "ja" : "nein";
	}

	/** A day as "12.03.2026", or null. */
	public static String day(Object value) {
		LocalDate day = Dates.day(value);
		return (day != null) ? Dates.german(day) : null;
	}

	/** Only web addresses become links; anything else is dropped. */
	public static String webAddress(Object value) {
		String address = text(value);
		return (address != null && (address.startsWith("https://") || address.startsWith("http://"))) ? address : null;
	}

	/** The value as text without surrounding blanks; null when there is none. */
	public static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	/** "Label: value", or null when there is no value. */
	public static String labelled(String label, Object value) {
		String text = text(value);
		return (text != null) ? label + ": " + text : null;
	}

	/** The parts that are there, one per line; null when none is. */
	public static String lines(String... parts) {
		return join("\n", parts);
	}

	/** The parts that are there, joined; null when none is. */
	public static String join(String separator, String... parts) {
		String joined = Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(separator));
		return joined.isEmpty() ? null : joined;
	}

}
