package de.ratsweg.architecture.broken.engine;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The adapter may use the engine's internals: not a violation. */
public class Clock {

	public Date now() {
		return ClockUtil.getCurrentTime();
	}

}
