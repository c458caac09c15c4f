package de.ratsweg.committee;

import java.time.Duration;
import java.util.List;

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
 * @param results no longer read: the result texts are the decision table
 * {@value ResultText#DECISION_KEY} now; a configuration that still sets them is refused,
 * so that no row of it is silently lost
 */
@ConfigurationProperties("ratsweg.committee.oparl")
record OParlProperties(@DefaultValue("PT1H") Duration pollInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue("500") int maxPages, List<FormerResultRow> results) {

	OParlProperties {
		results = (results != null) ? List.copyOf(results) : List.of();
		if (maxPages < 1) {
			throw new IllegalArgumentException("ratsweg.committee.oparl.max-pages must be at least 1");
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("ratsweg.committee.oparl.poll-interval must be positive");
		}
		if (!results.isEmpty()) {
			throw new IllegalArgumentException("ratsweg.committee.oparl.results is no longer read: result texts are "
					+ "the decision table processes/" + ResultText.DECISION_KEY + ".dmn now (a municipality's own in "
					+ "processes/<municipality>/). Add your " + results.size()
					+ " rows to it as rules (Camunda Modeler) and remove the setting.");
		}
	}

	/**
	 * A row of the former table in the configuration.
	 *
	 * @param text the result text
	 * @param outcome the process outcome it meant
	 */
	record FormerResultRow(String text, String outcome) {
	}

}
