package de.ratsweg.kernel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import de.ratsweg.engine.EngineClock;

/**
 * Dates in the processes: forms deliver days as {@code yyyy-MM-dd}; deadlines are
 * instants in the municipality's time zone, counted on the engine clock (which tests can
 * move).
 */
public final class Dates {

	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private Dates() {
	}

	public static LocalDate today() {
		return EngineClock.now().toInstant().atZone(ZONE).toLocalDate();
	}

	/**
	 * A day from a form value (exactly {@code yyyy-MM-dd}, or a Date), or null.
	 */
	public static LocalDate day(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZONE).toLocalDate();
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	/** The start of the day (00:00 local time). */
	public static Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(ZONE).toInstant());
	}

	/** The end of the day: 00:00 of the next day. */
	public static Date endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}

	/** The engine's now plus the given days. */
	public static Date inDays(long days) {
		return Date.from(EngineClock.now().toInstant().plus(java.time.Duration.ofDays(days)));
	}

	public static String german(LocalDate day) {
		return day == null ? "" : GERMAN.format(day);
	}

	/** A whole number from a variable, or the default. */
	public static int number(Object value, int defaultValue) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return Integer.parseInt(text.trim());
			}
			catch (NumberFormatException ex) {
				return defaultValue;
			}
		}
		return defaultValue;
	}

}
