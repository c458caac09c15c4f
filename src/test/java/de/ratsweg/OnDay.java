package de.ratsweg;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import de.ratsweg.kernel.Dates;

/**
 * A step that happens on a later day, e.g. the office records a committee's result on the
 * day of its meeting: the engine clock stands at ten in the morning of that day (Berlin)
 * while the step runs, and is real again afterwards.
 */
public final class OnDay {

	private OnDay() {
	}

	public static void on(LocalDate day, Runnable step) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(Dates.ZONE).toInstant()));
		try {
			step.run();
		}
		finally {
			ClockUtil.reset();
		}
	}

	public static void on(String day, Runnable step) {
		on(LocalDate.parse(day), step);
	}

}
