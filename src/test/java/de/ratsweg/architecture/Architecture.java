package de.ratsweg.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Ratsweg's rules of structure, for a root package: the application's own, or a small
 * example that breaks them on purpose (to show that each rule can fail).
 */
final class Architecture {

	/** Where the engine's internals may be used: the adapter and its subpackages. */
	static final String ENGINE_ADAPTER = "engine";

	private Architecture() {
	}

	/**
	 * Every package is its own slice (a subpackage too): no package reaches itself again
	 * through others.
	 */
	static ArchRule packagesWithoutCycles(String root) {
		return slices().matching(root + ".(**)").should().beFreeOfCycles();
	}

	/**
	 * The engine's internal classes ({@code org.camunda.bpm.engine.impl} and the like,
	 * which a fork or an upgrade may change without notice) are used in one place only.
	 */
	static ArchRule engineInternalsOnlyInTheAdapter(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackage(root + "." + ENGINE_ADAPTER + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.camunda..impl..")
			.because("engine internals are used only in the adapter package " + root + "." + ENGINE_ADAPTER
					+ " (see docs/decisions.md)");
	}

	/** Reading private fields and calling hidden methods, too, only in the adapter. */
	static ArchRule reflectionOnlyInTheAdapter(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackage(root + "." + ENGINE_ADAPTER + "..")
			.should()
			.callMethodWhere(target(name("setAccessible")))
			.because("reflection on the engine's classes is used only in the adapter package");
	}

	/**
	 * The shared kernel depends on no feature: only on itself and on the adapter's root
	 * (the engine's clock and who is signed in), not on the adapter's feature hooks.
	 */
	static ArchRule kernelStandsAlone(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".kernel..")
			.should()
			.dependOnClassesThat(resideInAPackage(root + "..")
				.and(not(resideInAnyPackage(root + ".kernel..", root + "." + ENGINE_ADAPTER))));
	}

	/** Demo data is a leaf: nothing depends on it, so production can do without it. */
	static ArchRule nothingDependsOnDemoData(String root) {
		return noClasses().that()
			.resideOutsideOfPackage(root + ".demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + ".demo..");
	}

}
