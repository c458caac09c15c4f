package de.ratsweg.committee;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Ratsweg reads committee results from the council information systems
 * ({@code ratsweg.committee.oparl}); the address of each municipality's system is part of
 * the municipality ({@code ratsweg.tenancy.municipalities[].oparl-system}).
 *
 * @param pollInterval how often a pending result is looked up
 * @param timeout the longest wait for one answer of the council information system
 * @param maxPages the most pages of a list read in one look-up
 * @param results the one table from result texts to process outcomes
 */
@ConfigurationProperties("ratsweg.committee.oparl")
record OParlProperties(@DefaultValue("PT1H") Duration pollInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue("500") int maxPages, List<ResultText> results) {

	static final Set<String> OUTCOMES = Set.of(CommitteeResolution.PASSED, CommitteeResolution.PASSED_WITH_CHANGES,
			CommitteeResolution.REJECTED, CommitteeResolution.POSTPONED, CommitteeResolution.DEFERRED);

	OParlProperties {
		results = (results != null) ? List.copyOf(results) : List.of();
		if (maxPages < 1) {
			throw new IllegalArgumentException("ratsweg.committee.oparl.max-pages must be at least 1");
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("ratsweg.committee.oparl.poll-interval must be positive");
		}
		for (ResultText result : results) {
			if (result.text() == null || result.text().isBlank() || !OUTCOMES.contains(result.outcome())) {
				throw new IllegalArgumentException("ratsweg.committee.oparl.results: '" + result.text() + "' -> '"
						+ result.outcome() + "' is not a result text with one of the outcomes " + OUTCOMES);
			}
		}
	}

	/**
	 * One row of the table.
	 *
	 * @param text the result text as the council information system writes it
	 * @param outcome the process outcome it means
	 */
	record ResultText(String text, String outcome) {
	}

}
