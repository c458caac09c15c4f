package de.ratsweg.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;

/**
 * The engine's validation of a migration, in German: each failure with the elements it is
 * about and, where the engine's wording is known, its meaning; otherwise the engine's own
 * words after "Die Engine meldet".
 */
final class MigrationMessages {

	/** Known wordings of Camunda's migration validators and what they mean. */
	private static final List<Map.Entry<String, String>> KNOWN = List.of(
			Map.entry("incompatible types",
					"Die Elemente sind verschiedener Art und lassen sich nicht aufeinander abbilden."),
			Map.entry("There is no migration instruction for this instance's activity",
					"Für den Schritt, an dem das Vorhaben wartet, gibt es in der neuen Version keine Entsprechung."),
			Map.entry("There is no migration instruction for this instance's transition",
					"Für den Schritt, an dem das Vorhaben wartet, gibt es in der neuen Version keine Entsprechung."),
			Map.entry("must be mapped to the target activity's event scope",
					"Das umgebende Element muss mit abgebildet werden."),
			Map.entry("multiple instructions for the same source activity",
					"Ein Schritt der alten Version ist mehr als einem Schritt der neuen Version zugeordnet."),
			Map.entry("does not exist", "Das Element gibt es in der Version nicht."),
			Map.entry("is not supported", "Diese Art von Element kann die Engine nicht umstellen."),
			Map.entry("Cannot migrate", "Die Engine kann diesen Teil nicht umstellen."),
			Map.entry("must have the same", "Die Elemente müssen übereinstimmen."));

	private MigrationMessages() {
	}

	static List<String> of(MigrationPlanValidationException ex) {
		List<String> messages = new ArrayList<>();
		for (MigrationInstructionValidationReport report : ex.getValidationReport().getInstructionReports()) {
			for (String failure : report.getFailures()) {
				messages.add(instruction(report.getMigrationInstruction()) + german(failure));
			}
		}
		ex.getValidationReport()
			.getVariableReports()
			.forEach((name, report) -> report.getFailures()
				.forEach((failure) -> messages.add("Variable „" + name + "“: " + german(failure))));
		if (messages.isEmpty()) {
			messages.add(german(ex.getMessage()));
		}
		return messages;
	}

	static List<String> of(MigratingProcessInstanceValidationException ex, ActivityNames names) {
		List<String> messages = new ArrayList<>();
		MigratingProcessInstanceValidationReport report = ex.getValidationReport();
		report.getFailures().forEach((failure) -> messages.add(german(failure)));
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			activity.getFailures()
				.forEach((failure) -> messages
					.add("Bei „" + names.of(activity.getSourceScopeId()) + "“: " + german(failure)));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			transition.getFailures()
				.forEach((failure) -> messages
					.add("Bei „" + names.of(transition.getSourceScopeId()) + "“: " + german(failure)));
		}
		if (messages.isEmpty()) {
			messages.add(german(ex.getMessage()));
		}
		return messages;
	}

	private static String instruction(MigrationInstruction instruction) {
		return (instruction == null) ? ""
				: instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId() + ": ";
	}

	static String german(String failure) {
		for (Map.Entry<String, String> known : KNOWN) {
			if (String.valueOf(failure).contains(known.getKey())) {
				return known.getValue() + " (Die Engine meldet: " + failure + ")";
			}
		}
		return "Die Engine meldet: " + failure;
	}

	/** Names of the elements of a process version, for messages. */
	interface ActivityNames {

		String of(String activityId);

	}

}
