package de.ratsweg.architecture.broken.feature;

import java.lang.reflect.Field;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import de.ratsweg.architecture.broken.demo.DemoData;

/**
 * Breaks the rules on purpose: an engine internal outside the adapter, reflection outside
 * the adapter, a dependency on demo data.
 */
public class Overview {

	public Date now() {
		return ClockUtil.getCurrentTime();
	}

	public Object hidden(Object target) throws ReflectiveOperationException {
		Field field = target.getClass().getDeclaredField("hidden");
		field.setAccessible(true);
		return field.get(target);
	}

	public DemoData demo() {
		return new DemoData();
	}

}
