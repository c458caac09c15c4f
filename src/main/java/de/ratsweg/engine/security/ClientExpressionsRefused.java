package de.ratsweg.engine.security;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import de.ratsweg.engine.SignedIn;

/**
 * Refuses queries in which a client (REST, webapps, Java API on behalf of a user) sends
 * expressions such as {@code assigneeExpression=${...}}, unless an administrator asks.
 * The engine refuses them at the top of a task query
 * ({@code enableExpressionsInAdhocQueries
 * = false}) but evaluates them inside {@code orQueries} and in the query that extends a
 * saved filter; an expression is code the server runs. Saved filters keep their
 * expressions (only administrators create and change filters).
 *
 * <p>
 * Runs before the engine opens its command context, so only the command a client sent is
 * checked: the filter's own query, run inside that command, is not.
 */
public class ClientExpressionsRefused extends CommandInterceptor {

	private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

	private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

	private final ProcessEngineConfigurationImpl configuration;

	public ClientExpressionsRefused(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() == null && !byAdministratorOrEngine()) {
			Object query = command;
			if (command instanceof AbstractExecuteFilterCmd filterCommand) {
				query = read(EXTENDING_QUERY, filterCommand);
			}
			else if (command instanceof SaveFilterCmd saveFilter) {
				Filter filter = (Filter) read(SAVED_FILTER, saveFilter);
				query = (filter != null) ? filter.getQuery() : null;
			}
			if (carriesExpressions(query)) {
				throw new BadUserRequestException("Abfragen dürfen keine Ausdrücke (${…}) enthalten. "
						+ "Expressions in queries are reserved for administrators' saved filters.");
			}
		}
		return this.next.execute(command);
	}

	private boolean byAdministratorOrEngine() {
		Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
		return authentication == null || SignedIn.isAdministrator(this.configuration, authentication);
	}

	private static boolean carriesExpressions(Object query) {
		if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
			return false;
		}
		if (hasAny(abstractQuery.getExpressions())) {
			return true;
		}
		if (query instanceof TaskQueryImpl taskQuery) {
			Collection<TaskQueryImpl> orQueries = taskQuery.getQueries();
			return orQueries != null && orQueries.stream().anyMatch((orQuery) -> hasAny(orQuery.getExpressions()));
		}
		return false;
	}

	private static boolean hasAny(Map<String, String> expressions) {
		return expressions != null && !expressions.isEmpty();
	}

	private static Object read(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field + " of a filter command", ex);
		}
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("This Camunda version is not supported by Ratsweg's query checks", ex);
		}
	}

}
