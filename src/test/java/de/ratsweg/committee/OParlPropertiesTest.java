package de.ratsweg.committee;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The former table of result texts in the configuration is refused with the place its
 * rows belong now, so that none of them is silently lost.
 */
class OParlPropertiesTest {

	@Test
	void aConfigurationThatStillHasTheFormerResultTableIsRefused() {
		assertThatThrownBy(() -> new OParlProperties(Duration.ofHours(1), Duration.ofSeconds(10), 500,
				List.of(new OParlProperties.FormerResultRow("Ungeändert beschlossen", "passed"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ratsweg.committee.oparl.results is no longer read")
			.hasMessageContaining("processes/CommitteeResultDecision.dmn")
			.hasMessageContaining("Add your 1 rows");
	}

}
