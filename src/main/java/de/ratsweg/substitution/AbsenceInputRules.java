package de.ratsweg.substitution;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What the input of an absence must be before anyone asks the engine, in the German
 * sentences users read: the constraints of the JSON input and of the form use them, and
 * the service refuses with the same words should it be called without them.
 */
final class AbsenceInputRules {

	static final String NO_SUBSTITUTE = "Bitte eine Vertretung auswählen.";

	static final String NO_DAYS = "Bitte den ersten und den letzten Tag der Abwesenheit angeben.";

	static final String DAYS_NOT_IN_ORDER = "Der letzte Tag liegt vor dem ersten Tag. Bitte die Daten prüfen.";

	static final int NOTE_LENGTH = 500;

	static final String NOTE_TOO_LONG = "Die Bemerkung ist zu lang (höchstens 500 Zeichen).";

	/** The order in which the messages of several mistakes are shown: as on the form. */
	private static final List<String> FIELDS = List.of("userId", "firstDay", "lastDay", "substituteId", "note");

	private AbsenceInputRules() {
	}

	/** True unless both days are known and the last lies before the first. */
	static boolean inOrder(LocalDate firstDay, LocalDate lastDay) {
		return firstDay == null || lastDay == null || !lastDay.isBefore(firstDay);
	}

	/** The day of a form's date field (JJJJ-MM-TT); null when empty or no date. */
	static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Every message of the mistakes, once each, in the order of the form's fields. */
	static String messages(BindingResult result) {
		return result.getAllErrors()
			.stream()
			.sorted(Comparator.comparingInt(AbsenceInputRules::position))
			.map(ObjectError::getDefaultMessage)
			.filter(Objects::nonNull)
			.distinct()
			.collect(Collectors.joining(" "));
	}

	private static int position(ObjectError error) {
		int position = (error instanceof FieldError field) ? FIELDS.indexOf(field.getField()) : -1;
		return (position >= 0) ? position : FIELDS.size();
	}

	/**
	 * A day as a form's date field sends it (JJJJ-MM-TT); an empty field passes (whether
	 * it must be filled is another constraint's business).
	 */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = IsoDayValidator.class)
	@interface IsoDay {

		String message();

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	static class IsoDayValidator implements ConstraintValidator<IsoDay, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || day(value) != null;
		}

	}

}
