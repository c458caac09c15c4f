package de.ratsweg.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Ratsweg's rules for a process model, beyond what the engine parses: each one a rule
 * that Camunda Modeler's linter (bpmnlint) or Ratsweg's own tests hold every model in
 * {@code processes/} to. Each finding names its element and says in German what is
 * missing, for the editor of "Prozesse bearbeiten".
 *
 * <ul>
 * <li>every process keeps its history for a stated time (history time-to-live);</li>
 * <li>every process has a start and an end event ({@code start-event-required},
 * {@code end-event-required});</li>
 * <li>no element hangs loose: everything but start and boundary events has an incoming
 * flow, everything but end events an outgoing one ({@code no-disconnected});</li>
 * <li>tasks and events carry a name, as people read them ({@code label-required});</li>
 * <li>every user task has a form of the folder ({@code camunda:formRef} with
 * {@code formRefBinding="deployment"}) and a due date.</li>
 * </ul>
 */
final class ModelConventions {

	private ModelConventions() {
	}

	/**
	 * The findings for one BPMN file.
	 * @param file the model
	 * @param formIds the ids of the forms in the folder (as the file would be deployed
	 * with)
	 */
	static List<ModelFinding> check(ModelFile file, Set<String> formIds) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
		}
		catch (ModelException ex) {
			return List.of(new ModelFinding(file.name(), null, 0,
					"Das Modell entspricht nicht dem BPMN-Schema: " + ModelChecks.deepestMessage(ex)));
		}
		List<ModelFinding> findings = new ArrayList<>();
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (!process.isExecutable()) {
				continue;
			}
			if (process.getCamundaHistoryTimeToLiveString() == null
					|| process.getCamundaHistoryTimeToLiveString().isBlank()) {
				findings.add(finding(file, process.getId(),
						"Der Prozess sagt nicht, wie lange seine Historie aufbewahrt wird "
								+ "(„History Time To Live“ im Bereich „History cleanup“)."));
			}
			checkFlow(file, process.getId(), process.getChildElementsByType(FlowNode.class), true, findings);
		}
		for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
			checkFlow(file, subProcess.getId(), subProcess.getChildElementsByType(FlowNode.class),
					!subProcess.triggeredByEvent(), findings);
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String formRef = task.getCamundaFormRef();
			if (formRef == null || formRef.isBlank()) {
				findings.add(finding(file, task.getId(), "Die Benutzeraufgabe „" + nameOf(task)
						+ "“ hat kein Formular (Form type „Camunda Forms“, Form reference)."));
			}
			else if (!formRef.contains("${") && !formIds.contains(formRef)) {
				findings.add(finding(file, task.getId(), "Das Formular „" + formRef + "“ der Benutzeraufgabe „"
						+ nameOf(task) + "“ gibt es im Ordner processes/ nicht."));
			}
			else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
				findings.add(finding(file, task.getId(), "Das Formular der Benutzeraufgabe „" + nameOf(task)
						+ "“ muss mit Binding „deployment“ eingebunden sein, damit laufende Vorhaben ihr Formular behalten."));
			}
			if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
				findings.add(finding(file, task.getId(),
						"Die Benutzeraufgabe „" + nameOf(task) + "“ hat keine Frist (Due date)."));
			}
		}
		return findings;
	}

	private static void checkFlow(ModelFile file, String scopeId, Collection<FlowNode> nodes, boolean needsStart,
			List<ModelFinding> findings) {
		if (needsStart && nodes.stream().noneMatch(StartEvent.class::isInstance)) {
			findings.add(finding(file, scopeId, "Es fehlt ein Startereignis."));
		}
		if (nodes.stream().noneMatch(EndEvent.class::isInstance)) {
			findings.add(finding(file, scopeId, "Es fehlt ein Endereignis."));
		}
		for (FlowNode node : nodes) {
			boolean startsByItself = node instanceof StartEvent || node instanceof BoundaryEvent;
			if (!startsByItself && node.getIncoming().isEmpty()) {
				findings.add(finding(file, node.getId(),
						"„" + nameOf(node) + "“ hat keinen eingehenden Sequenzfluss und wird nie erreicht."));
			}
			if (!(node instanceof EndEvent) && node.getOutgoing().isEmpty()) {
				findings.add(finding(file, node.getId(), "„" + nameOf(node)
						+ "“ hat keinen ausgehenden Sequenzfluss; hier bliebe das Vorhaben stehen."));
			}
			if (!(node instanceof Gateway) && (node.getName() == null || node.getName().isBlank())) {
				findings.add(finding(file, node.getId(), "Das Element " + node.getId()
						+ " hat keinen Namen; Sachbearbeitung und Übersicht zeigen ihn."));
			}
		}
	}

	private static String nameOf(FlowNode node) {
		return (node.getName() != null && !node.getName().isBlank()) ? node.getName() : node.getId();
	}

	private static ModelFinding finding(ModelFile file, String elementId, String message) {
		return new ModelFinding(file.name(), elementId, 0, message);
	}

}
