package de.ratsweg.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Ratsweg's packages: features without cycles, the engine's internals behind one adapter,
 * a kernel that stands alone, demo data as a leaf.
 */
@AnalyzeClasses(packages = ArchitectureTest.RATSWEG, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final String RATSWEG = "de.ratsweg";

	@ArchTest
	static final ArchRule packagesHaveNoCycles = Architecture.packagesWithoutCycles(RATSWEG);

	@ArchTest
	static final ArchRule engineInternalsAreUsedOnlyInTheAdapter = Architecture
		.engineInternalsOnlyInTheAdapter(RATSWEG);

	@ArchTest
	static final ArchRule reflectionIsUsedOnlyInTheAdapter = Architecture.reflectionOnlyInTheAdapter(RATSWEG);

	@ArchTest
	static final ArchRule theKernelDependsOnNoFeature = Architecture.kernelStandsAlone(RATSWEG);

	@ArchTest
	static final ArchRule nothingDependsOnDemoData = Architecture.nothingDependsOnDemoData(RATSWEG);

}
