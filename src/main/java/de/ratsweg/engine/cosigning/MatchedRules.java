package de.ratsweg.engine.cosigning;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

import de.ratsweg.cosigning.DepartmentCoSigning;
import de.ratsweg.cosigning.RequiredBy;

/**
 * Which rules of the co-signing table ({@value DepartmentCoSigning#DECISION_KEY}, shared
 * or a municipality's own) required which department, with each rule's annotation: the
 * business rule task hands on only the departments, the annotations say why. Kept for the
 * next step ({@code CoSigning.plan}) as a transient variable of the execution that
 * evaluated the table, so it is never stored.
 */
public class MatchedRules implements DmnDecisionTableEvaluationListener {

	/** The output column of the table. */
	private static final String DEPARTMENT = "department";

	@Override
	public void notify(DmnDecisionTableEvaluationEvent event) {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		if (!(event.getDecisionTable() instanceof DecisionDefinition decision)
				|| !DepartmentCoSigning.DECISION_KEY.equals(decision.getKey()) || context == null) {
			return;
		}
		// read without authorization checks: the model of a table the engine evaluates
		DmnModelInstance model = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDmnModelInstanceForDecisionDefinition(decision.getId());
		List<RequiredBy> matched = new ArrayList<>();
		for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
			DmnEvaluatedOutput department = rule.getOutputEntries().get(DEPARTMENT);
			if (department != null && department.getValue() != null && department.getValue().getValue() != null) {
				matched.add(new RequiredBy(String.valueOf(department.getValue().getValue()), rule.getId(),
						annotation(model, rule.getId())));
			}
		}
		// not local: the table may run in a child execution that ends with the task
		context.getExecution().setVariable(RequiredBy.VARIABLE, Variables.untypedValue(matched, true));
	}

	private static String annotation(DmnModelInstance model, String ruleId) {
		Rule rule = (model != null) ? model.getModelElementById(ruleId) : null;
		if (rule == null || rule.getDescription() == null || rule.getDescription().getTextContent() == null) {
			return null;
		}
		String text = rule.getDescription().getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

}
