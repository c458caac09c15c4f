package de.ratsweg.architecture.broken.a;

import de.ratsweg.architecture.broken.b.Record;

/** Breaks the rules on purpose: a cycle with {@link Record}. */
public class Committee {

	public Record record() {
		return new Record();
	}

}
