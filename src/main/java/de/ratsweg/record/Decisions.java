package de.ratsweg.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every decision of a project, in the words of the record, oldest first: what each
 * process adds ({@link DecisionEntries}: the submitted idea, each department's statement,
 * the board's decision and votes, revisions, the funding route, each committee session,
 * the funding application and notice, the project organisation and the outcome), sorted
 * by time.
 */
final class Decisions {

	private Decisions() {
	}

	/**
	 * The decisions of the project.
	 * @param project its history
	 * @param processes what each process adds, in the order of their {@code @Order}
	 */
	static List<Decision> of(ProjectHistory project, List<DecisionEntries> processes) {
		List<DecisionEntry> entries = new ArrayList<>();
		for (DecisionEntries process : processes) {
			entries.addAll(process.of(project));
		}
		// stable: the same instant and rank keep the order of adding
		entries.sort(Comparator
			.comparing(DecisionEntry::time, Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)))
			.thenComparing((DecisionEntry entry) -> entry.rank()));
		return entries.stream().map((entry) -> entry.decision(project.municipality(entry.tenantId()))).toList();
	}

}
