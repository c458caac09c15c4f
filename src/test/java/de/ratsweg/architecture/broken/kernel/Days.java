package de.ratsweg.architecture.broken.kernel;

import de.ratsweg.architecture.broken.feature.Overview;

/** Breaks the rules on purpose: the kernel uses a feature. */
public class Days {

	public Object today() {
		return new Overview().now();
	}

}
