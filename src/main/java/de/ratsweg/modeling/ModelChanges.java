package de.ratsweg.modeling;

import java.util.List;

/**
 * What changed between the running version of a model and the edited one: elements of a
 * diagram, rules of a decision table, fields of a form.
 *
 * @param added what the new version has and the running one does not
 * @param removed what the running version has and the new one does not
 * @param changed what both have, but differently
 */
record ModelChanges(List<Change> added, List<Change> removed, List<Change> changed) {

	boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	/**
	 * One element, rule or field.
	 *
	 * @param id its id (a form field: its key)
	 * @param kind what it is, in German
	 * @param name its name or label (the new one when changed)
	 * @param details what changed, in German (for changed elements)
	 */
	record Change(String id, String kind, String name, List<String> details) {
	}

}
