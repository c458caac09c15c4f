package de.ratsweg.engine.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every task the project it belongs to, so that a Tasklist row says what it is
 * about: "Projektidee mitzeichnen – „Smarte Straßenbeleuchtung“". The diagrams keep short
 * names. Tasks of a committee consultation also name the committee.
 */
public class TaskTitles extends AbstractBpmnParseListener {

	static final String PROJECT_TITLE = "projectTitle";

	static final String COMMITTEE_NAME = "committeeName";

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
		behavior.getTaskDefinition().addBuiltInTaskListener("create", TaskTitles::addTitle);
	}

	static void addTitle(DelegateTask task) {
		Object title = task.getVariable(PROJECT_TITLE);
		if (title == null || task.getName() == null) {
			return;
		}
		StringBuilder name = new StringBuilder(task.getName()).append(" – „").append(title).append('“');
		Object committee = task.getVariable(COMMITTEE_NAME);
		if (committee != null) {
			name.append(" (").append(committee).append(')');
		}
		// the engine's task name column holds 255 characters
		task.setName(name.length() > 255 ? name.substring(0, 254) + "…" : name.toString());
	}

}
