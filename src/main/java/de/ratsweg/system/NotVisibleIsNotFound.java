package de.ratsweg.system;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

import de.ratsweg.engine.SignedIn;

/**
 * A task, process instance or execution the caller cannot see is "not found", exactly as
 * one that does not exist: same status (404), same body, and the same single query before
 * either answer. Without this the engine answers an unknown id in a dozen ways (400, 404,
 * 500 with "Cannot find task ...", a NullPointerException) and another municipality's id
 * with its tenant error, and the difference tells that the id exists. Runs in the engine
 * REST API and in the API the webapps call ({@link ClientErrorAnswers}), after the login,
 * for everyone but administrators (who see every municipality).
 */
@Priority(Priorities.USER)
class NotVisibleIsNotFound implements ContainerRequestFilter {

	private static final String ID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+)";

	private record Visibility(Pattern path, BiPredicate<ProcessEngine, String> visible) {
	}

	private static final List<Visibility> CHECKS = List.of(
			// a task completed a moment ago is still the caller's: the engine answers it
			// (409 when a colleague was faster)
			new Visibility(Pattern.compile("(?:^|/)task/" + ID + "(?:/|$)"),
					(engine, id) -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0
							|| engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).count() > 0),
			new Visibility(Pattern.compile("(?:^|/)(?<!history/)process-instance/" + ID + "(?:/|$)"), (engine,
					id) -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0),
			new Visibility(Pattern.compile("(?:^|/)execution/" + ID + "(?:/|$)"),
					(engine, id) -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0),
			new Visibility(Pattern.compile("(?:^|/)history/process-instance/" + ID + "(?:/|$)"),
					(engine, id) -> engine.getHistoryService()
						.createHistoricProcessInstanceQuery()
						.processInstanceId(id)
						.count() > 0));

	@Override
	public void filter(ContainerRequestContext request) {
		String path = request.getUriInfo().getPath();
		for (Visibility check : CHECKS) {
			Matcher matcher = check.path().matcher(path);
			if (!matcher.find()) {
				continue;
			}
			ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
			SignedIn user = (engine != null) ? SignedIn.current(engine.getIdentityService()) : null;
			if (user == null || user.isAdministrator(engine.getProcessEngineConfiguration())) {
				return;
			}
			if (!check.visible().test(engine, matcher.group(1))) {
				request.abortWith(ClientErrors.notFound());
			}
			return;
		}
	}

}
