package de.ratsweg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision table from {@code processes/} evaluated by the DMN engine the process engine
 * uses, remembering which rules matched, so that a test class can prove every rule has a
 * case.
 */
public final class DecisionTableCoverage {

	private final DmnEngine engine;

	private final DmnDecision decision;

	private final Set<String> matched = new TreeSet<>();

	public DecisionTableCoverage(String decisionKey) {
		this(ProcessModels.FOLDER.resolve(decisionKey + ".dmn"), decisionKey);
	}

	/** A municipality's own version of the table ({@code processes/<municipality>/}). */
	public DecisionTableCoverage(String municipality, String decisionKey) {
		this(ProcessModels.FOLDER.resolve(municipality).resolve(decisionKey + ".dmn"), decisionKey);
	}

	private DecisionTableCoverage(java.nio.file.Path file, String decisionKey) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(this::remember));
		this.engine = configuration.buildEngine();
		try (InputStream in = Files.newInputStream(file)) {
			this.decision = this.engine.parseDecision(decisionKey, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void remember(DmnDecisionTableEvaluationEvent event) {
		for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
			this.matched.add(rule.getId());
		}
	}

	public DmnDecisionResult evaluate(Map<String, Object> inputs) {
		return this.engine.evaluateDecision(this.decision, Variables.fromMap(inputs));
	}

	public void assertEveryRuleMatched() {
		Set<String> all = new TreeSet<>();
		for (DmnDecisionTableRuleImpl rule : ((DmnDecisionTableImpl) this.decision.getDecisionLogic()).getRules()) {
			all.add(rule.getId());
		}
		assertThat(this.matched).as("rules of %s with a test case", this.decision.getKey()).isEqualTo(all);
	}

}
