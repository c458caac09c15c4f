package de.ratsweg.project;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import de.ratsweg.MunicipalProcesses;
import de.ratsweg.ProjectIdeas;
import de.ratsweg.RatswegSpringTest;
import de.ratsweg.kernel.Dates;
import de.ratsweg.security.DemoRoster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every project has its number from the start: the municipality, the year and a counter
 * of its own, so the committee office, the overview and the decision record can name it.
 */
@RatswegSpringTest
class ProjectNumbersTest {

	private final ProcessEngine engine;

	@RegisterExtension
	final MunicipalProcesses models = new MunicipalProcesses();

	@Autowired
	ProjectNumbersTest(ProcessEngine engine) {
		this.engine = engine;
	}

	@AfterEach
	void removeThem() {
		ClockUtil.reset();
	}

	@Test
	void aProjectStartedWithoutANumberGetsTheNextOneOfItsMunicipalityAndYear() {
		int year = Dates.today().getYear();

		String first = startAs(DemoRoster.STAFF, null).getBusinessKey();
		String second = startAs(DemoRoster.STAFF, null).getBusinessKey();
		String menden = startAs(DemoRoster.MENDEN_STAFF, null).getBusinessKey();

		assertThat(first).matches("SOEST-" + year + "-\\d{4}");
		assertThat(counter(second)).isEqualTo(counter(first) + 1);
		assertThat(menden).matches("MENDEN-" + year + "-\\d{4}");
	}

	@Test
	void theCalledProcessesCarryTheProjectsNumber() {
		ProcessInstance project = startAs(DemoRoster.STAFF, null);

		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(project.getId())
			.singleResult()
			.getBusinessKey()).as("the co-signing of the project").isEqualTo(project.getBusinessKey());
	}

	@Test
	void everyYearStartsAgainAtOne() {
		// a year of its own, far ahead, so that no other run has used it
		int year = ThreadLocalRandom.current().nextInt(2100, 2900);
		ClockUtil
			.setCurrentTime(Date.from(LocalDate.of(year, 1, 2).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));

		assertThat(startAs(DemoRoster.STAFF, null).getBusinessKey()).isEqualTo("SOEST-" + year + "-0001");
		assertThat(startAs(DemoRoster.STAFF, null).getBusinessKey()).isEqualTo("SOEST-" + year + "-0002");
	}

	@Test
	void aNumberGivenAtTheStartIsKeptUnlessAnotherProjectHasItInAnyMunicipality() {
		String given = "ALT-" + System.nanoTime();
		assertThat(startAs(DemoRoster.STAFF, given).getBusinessKey()).isEqualTo(given);

		assertThatThrownBy(() -> startAs(DemoRoster.MENDEN_STAFF, given)).isInstanceOf(BadUserRequestException.class)
			.hasMessage("Die Vorgangsnummer „" + given + "“ ist schon vergeben. Bitte lassen Sie das Feld leer; "
					+ "Ratsweg vergibt die Nummer selbst.");
	}

	@Test
	void aStartDatedInAnEarlierYearLeavesTheCurrentYearsCounterAlone() {
		int year = Dates.today().getYear();
		int before = counter(startAs(DemoRoster.STAFF, null).getBusinessKey());
		ClockUtil.setCurrentTime(
				Date.from(LocalDate.of(year - 3, 6, 1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));
		assertThat(startAs(DemoRoster.STAFF, null).getBusinessKey()).startsWith("SOEST-" + (year - 3) + "-");
		ClockUtil.reset();

		assertThat(counter(startAs(DemoRoster.STAFF, null).getBusinessKey())).isEqualTo(before + 1);
	}

	private ProcessInstance startAs(String user, String businessKey) {
		return DemoRoster.as(this.engine, user, () -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(SmartCityProject.PROCESS_KEY, businessKey, ProjectIdeas.smartStreetLighting()));
	}

	private static int counter(String number) {
		return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
	}

}
