package de.ratsweg.committee;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;

import de.ratsweg.engine.EngineExtensions;
import de.ratsweg.engine.tenancy.TenantDecisionFallback;

/**
 * The result table ({@value ResultText#DECISION_KEY}, {@code processes/} or a
 * municipality's own in {@code processes/<municipality>/}): what a result text of the
 * council information system means for the process. Administrators extend it in Camunda
 * Modeler; the committee office's choices for texts it did not know are listed for them
 * ({@link ResultTextLog}).
 */
final class ResultTable {

	private ResultTable() {
	}

	/**
	 * What the table says.
	 *
	 * @param outcome one of the outcomes of {@link CommitteeResolution}, or
	 * {@link CommitteeResolution#UNCLEAR} when the office has to decide
	 * @param reason why the office decides, in German; empty for an outcome
	 */
	record Reading(String outcome, String reason) {

		boolean isUnclear() {
			return CommitteeResolution.UNCLEAR.equals(this.outcome);
		}

	}

	/**
	 * The table's reading of the text, or an unclear reading when no rule matches. The
	 * municipality's own table when it has one, else the shared one; evaluated as the
	 * engine (the look-up is Ratsweg's own work, not a user's).
	 */
	static Reading read(DelegateExecution execution, ResultText text) {
		DmnDecisionResult result = EngineExtensions.withoutChecks(() -> {
			String tenant = (execution.getTenantId() != null)
					? TenantDecisionFallback.tableTenant(ResultText.DECISION_KEY, execution.getTenantId()) : null;
			DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
			DecisionsEvaluationBuilder table = decisions.evaluateDecisionByKey(ResultText.DECISION_KEY);
			table = (tenant != null) ? table.decisionDefinitionTenantId(tenant)
					: table.decisionDefinitionWithoutTenantId();
			return table.variables(text.inputs()).evaluate();
		});
		if (result.isEmpty()) {
			return new Reading(CommitteeResolution.UNCLEAR, "");
		}
		Map<String, Object> first = result.get(0).getEntryMap();
		Object outcome = first.get("outcome");
		Object reason = first.get("reason");
		return new Reading((outcome != null) ? outcome.toString() : CommitteeResolution.UNCLEAR,
				(reason != null) ? reason.toString() : "");
	}

}
