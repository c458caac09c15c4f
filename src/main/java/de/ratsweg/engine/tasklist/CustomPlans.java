package de.ratsweg.engine.tasklist;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * PostgreSQL plans the task list's statements for the values of each call: the user's
 * groups and municipalities decide whether a few or nearly all tasks match, and a plan
 * made once for unknown values (what PostgreSQL switches to after five runs of a prepared
 * statement) can be the slow one for the other case. The JDBC driver is told not to
 * prepare these statements on the server ({@code PGStatement.setPrepareThreshold(0)});
 * every other statement of the engine keeps its cached plan. Nothing changes on H2.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
class CustomPlans implements Interceptor {

	private static final Class<?> PG_STATEMENT = pgStatement();

	private static final Method SET_PREPARE_THRESHOLD = prepareThreshold();

	private static final Field DELEGATE = field(RoutingStatementHandler.class, "delegate");

	private static final Field MAPPED_STATEMENT = field(BaseStatementHandler.class, "mappedStatement");

	private final Set<String> statements;

	/**
	 * @param statements the ids of the mapped statements planned per call
	 */
	CustomPlans(Set<String> statements) {
		this.statements = statements;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		Object prepared = invocation.proceed();
		if (SET_PREPARE_THRESHOLD != null && prepared instanceof Statement statement
				&& statement.isWrapperFor(PG_STATEMENT)
				&& isPlannedPerCall(mappedStatementOf(invocation.getTarget()))) {
			try {
				SET_PREPARE_THRESHOLD.invoke(statement.unwrap(PG_STATEMENT), 0);
			}
			catch (ReflectiveOperationException ex) {
				throw new SQLException("Cannot switch off server-side preparing for " + PG_STATEMENT, ex);
			}
		}
		return prepared;
	}

	private boolean isPlannedPerCall(String statementId) {
		return statementId != null && this.statements.contains(statementId);
	}

	/**
	 * The id of the statement being prepared: MyBatis' handlers keep it in a field
	 * (reflection through MyBatis' MetaObject took 6.8 % of the request threads'
	 * processor time under Tasklist load).
	 */
	private static String mappedStatementOf(Object handler) throws IllegalAccessException {
		Object target = (handler instanceof RoutingStatementHandler) ? DELEGATE.get(handler) : handler;
		return (target instanceof BaseStatementHandler) ? ((MappedStatement) MAPPED_STATEMENT.get(target)).getId()
				: null;
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("MyBatis without " + type.getName() + "." + name, ex);
		}
	}

	private static Class<?> pgStatement() {
		try {
			return Class.forName("org.postgresql.PGStatement");
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static Method prepareThreshold() {
		try {
			return (PG_STATEMENT != null) ? PG_STATEMENT.getMethod("setPrepareThreshold", int.class) : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
