package de.ratsweg.committee;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import static de.ratsweg.committee.CommitteeResolution.*;

/**
 * Stands in for the council information system in the process tests: each look-up gives
 * the next scripted answer (the real client is tested against an OParl server in
 * {@code CouncilInformationSystemTest}).
 */
public class ScriptedCouncilSystem {

	private final List<String> clarified = new ArrayList<>();

	private final Deque<Consumer<DelegateExecution>> answers = new ArrayDeque<>();

	private boolean connected;

	ScriptedCouncilSystem connected() {
		this.connected = true;
		return this;
	}

	ScriptedCouncilSystem notYetPublished() {
		this.answers.add((execution) -> execution.setVariable(COUNCIL_SYSTEM_STATUS, PENDING));
		return this;
	}

	ScriptedCouncilSystem published(String result, String resolutionText) {
		this.answers.add((execution) -> {
			new Consultations().recordFromCouncilSystem(execution, result, resolutionText, null,
					"Ungeändert beschlossen", "https://ris.example.org/oparl/agendaitem/1001", null);
			execution.setVariable(COUNCIL_SYSTEM_STATUS, FOUND);
		});
		return this;
	}

	ScriptedCouncilSystem unclear(String note) {
		this.answers.add((execution) -> {
			execution.setVariable(COUNCIL_SYSTEM_STATUS, UNCLEAR);
			execution.setVariable(COUNCIL_SYSTEM_NOTE, note);
		});
		return this;
	}

	public boolean isConnected(DelegateExecution execution) {
		return this.connected;
	}

	public String getPollInterval() {
		return "PT1H";
	}

	public void lookUp(DelegateExecution execution) {
		this.answers.remove().accept(execution);
	}

	/** The office clarified a result: kept by the real system for the administrators. */
	public void clarified(DelegateTask task) {
		this.clarified.add(task.getId());
	}

	/** The tasks whose clarification was reported. */
	List<String> clarified() {
		return this.clarified;
	}

	/** The real system offers the committee's meetings; scripted, it offers none. */
	public void offerMeetings(DelegateTask task) {
	}

}
