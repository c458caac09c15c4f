package de.ratsweg.engine.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Tasklist's task list and its counts with the permission check as a semi-join
 * ({@code TaskListQuery.xml} beside this class). The engine's own task query joins every
 * task with every authorization that grants it and removes the duplicates afterwards with
 * {@code DISTINCT} over all columns; at 100,000 open tasks that is three index look-ups
 * per visible task and a sort of all of them for the first page. The semi-join looks up
 * each task's own grants once and needs no {@code DISTINCT}; it gives the same tasks (a
 * test compares both on random users, groups, municipalities and grants).
 *
 * <p>
 * It replaces the engine's statements {@code selectTaskByQueryCriteria} and
 * {@code selectTaskCountByQueryCriteria} through the engine's own statement mapping, the
 * way the engine maps statements per database. It applies only where the engine's check
 * is the plain join (no revoking authorizations, process tasks only, no composite
 * checks), and to a list only where it does not join the tasks' identity links
 * ({@link #semiJoin}); otherwise the engine's SQL runs unchanged. Either way PostgreSQL
 * plans these two statements per call ({@link CustomPlans}).
 */
public final class TaskListQuery {

	static final String LIST = "selectTaskByQueryCriteria";

	static final String COUNT = "selectTaskCountByQueryCriteria";

	private static final String MAPPING = "de/ratsweg/engine/tasklist/TaskListQuery.xml";

	private static final String NAMESPACE = "de.ratsweg.engine.tasklist.TaskListQuery.";

	private TaskListQuery() {
	}

	/**
	 * Adds the statements to the engine's MyBatis configuration and maps the engine's
	 * task query onto them. Runs after the engine's configuration is initialised.
	 */
	public static void install(ProcessEngineConfigurationImpl configuration) {
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		try (InputStream mapping = TaskListQuery.class.getClassLoader().getResourceAsStream(MAPPING)) {
			if (mapping == null) {
				throw new IllegalStateException(MAPPING + " is missing from the classpath");
			}
			new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		mybatis.addInterceptor(new CustomPlans(Set.of(NAMESPACE + LIST + "_ratsweg", NAMESPACE + COUNT + "_ratsweg")));
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		Map<String, String> mappings = (sessions.getStatementMappings() != null)
				? new HashMap<>(sessions.getStatementMappings()) : new HashMap<>();
		mappings.put(LIST, LIST + "_ratsweg");
		mappings.put(COUNT, COUNT + "_ratsweg");
		sessions.setStatementMappings(mappings);
	}

	/**
	 * Whether the semi-join replaces the engine's join for this query: the engine would
	 * join the grants of a signed-in user (no revokes to weigh, process tasks only, one
	 * set of alternative permissions). A list that joins the tasks' identity links keeps
	 * the engine's join: there PostgreSQL starts from the user's candidate tasks and
	 * checks the grants of the first page only (90 against 170 ms at 100,000 open tasks),
	 * while their count is faster with the semi-join (110 against 390 ms).
	 * @param list a list (true) or a count (false)
	 */
	public static boolean semiJoin(Object parameter, boolean list) {
		if (!(parameter instanceof TaskQueryImpl query) || !query.isQueryForProcessTasksOnly()) {
			return false;
		}
		AuthorizationCheck check = query.getAuthCheck();
		if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
				|| check.isRevokeAuthorizationCheckEnabled() || check.isUseLeftJoin()) {
			return false;
		}
		CompositePermissionCheck permissions = check.getPermissionChecks();
		return permissions != null && permissions.isDisjunctive() && permissions.getAtomicChecks() != null
				&& !permissions.getAtomicChecks().isEmpty()
				&& (permissions.getCompositeChecks() == null || permissions.getCompositeChecks().isEmpty())
				&& !(list && joinsIdentityLinks(query));
	}

	/**
	 * Whether the engine joins the tasks' identity links (candidate users and groups, the
	 * conditions of its SQL). With them the engine's own join is faster: PostgreSQL finds
	 * the user's candidate tasks first and checks the grants of those only.
	 */
	private static boolean joinsIdentityLinks(TaskQueryImpl query) {
		for (TaskQueryImpl part : query.getQueries()) {
			if (part.getCandidateUser() != null || part.getCandidateGroups() != null
					|| part.getCandidateGroupLike() != null || part.getInvolvedUser() != null
					|| Boolean.TRUE.equals(part.isWithCandidateGroups())
					|| Boolean.TRUE.equals(part.isWithCandidateUsers())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the list or count needs {@code DISTINCT}: the engine's join of the grants,
	 * of the identity links or of a table the list is ordered by can repeat a task.
	 * Without it, PostgreSQL reads the first page of a large list in index order or with
	 * a top-N sort instead of sorting and comparing every visible task in all its
	 * columns.
	 * @param list a list (true) or a count (false)
	 */
	public static boolean needsDistinct(Object parameter, boolean list) {
		if (!semiJoin(parameter, list)) {
			return true;
		}
		TaskQueryImpl query = (TaskQueryImpl) parameter;
		return joinsIdentityLinks(query)
				|| query.getOrderingProperties().stream().anyMatch((ordering) -> ordering.getRelation() != null);
	}

	/**
	 * The check as the engine's SQL fragment sees it where the semi-join takes over: off,
	 * so that the fragment adds neither the join nor its condition.
	 */
	public static AuthorizationCheck handledHere(AuthorizationCheck check) {
		AuthorizationCheck off = new AuthorizationCheck(check.getAuthUserId(), check.getAuthGroupIds(),
				check.getPermissionChecks(), check.isRevokeAuthorizationCheckEnabled());
		// the SQL asks getShouldPerformAuthorizatioCheck(): enabled and any permission to
		// check
		off.setAuthorizationCheckEnabled(false);
		off.setAuthDefaultPerm(check.getAuthDefaultPerm());
		off.setHistoricInstancePermissionsEnabled(check.isHistoricInstancePermissionsEnabled());
		off.setUseLeftJoin(check.isUseLeftJoin());
		return off;
	}

}
