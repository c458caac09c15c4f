package de.ratsweg.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureTest} fails on a small example that breaks it (the
 * classes under {@code architecture/broken}), and names the class that does.
 */
class ArchitectureRulesTest {

	private static final String BROKEN = "de.ratsweg.architecture.broken";

	private final JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

	@Test
	void aCycleBetweenTwoPackagesIsFound() {
		assertThatThrownBy(() -> Architecture.packagesWithoutCycles(BROKEN).check(this.broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected: Slice a -> ")
			.hasMessageContaining("Slice b");
	}

	@Test
	void anEngineInternalOutsideTheAdapterIsFoundAndOneInsideIsNot() {
		assertThatThrownBy(() -> Architecture.engineInternalsOnlyInTheAdapter(BROKEN).check(this.broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("broken.feature.Overview.now()")
			.hasMessageContaining("ClockUtil")
			.hasMessageNotContaining("broken.engine.Clock");
	}

	@Test
	void reflectionOutsideTheAdapterIsFound() {
		assertThatThrownBy(() -> Architecture.reflectionOnlyInTheAdapter(BROKEN).check(this.broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("broken.feature.Overview.hidden(java.lang.Object)")
			.hasMessageContaining("setAccessible");
	}

	@Test
	void aKernelThatUsesAFeatureIsFound() {
		assertThatThrownBy(() -> Architecture.kernelStandsAlone(BROKEN).check(this.broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("broken.kernel.Days.today()");
	}

	@Test
	void aFeatureThatNeedsDemoDataIsFound() {
		assertThatThrownBy(() -> Architecture.nothingDependsOnDemoData(BROKEN).check(this.broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("broken.feature.Overview.demo()");
	}

}
