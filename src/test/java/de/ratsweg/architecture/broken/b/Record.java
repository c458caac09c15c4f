package de.ratsweg.architecture.broken.b;

import de.ratsweg.architecture.broken.a.Committee;

/** Breaks the rules on purpose: a cycle with {@link Committee}. */
public class Record {

	public Committee committee() {
		return new Committee();
	}

}
