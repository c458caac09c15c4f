package de.ratsweg.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the SQL statements an engine sends, by the engine's statement name: every
 * select, insert, update and delete that MyBatis executes (batched ones one by one, as
 * the database runs them). Counting is what the noise of a shared machine does not
 * disturb: the same steps send the same statements.
 */
@Intercepts({ @Signature(type = Executor.class, method = "update", args = { MappedStatement.class, Object.class }),
		@Signature(type = Executor.class, method = "query",
				args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }),
		@Signature(type = Executor.class, method = "query",
				args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class,
						org.apache.ibatis.cache.CacheKey.class, org.apache.ibatis.mapping.BoundSql.class }),
		@Signature(type = Executor.class, method = "queryCursor",
				args = { MappedStatement.class, Object.class, RowBounds.class }) })
final class StatementCount implements Interceptor {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private volatile boolean counting;

	/** Counts the statements the engine sends from now on, while counting is on. */
	static StatementCount installIn(ProcessEngine engine) {
		StatementCount count = new StatementCount();
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
			.getConfiguration()
			.addInterceptor(count);
		return count;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		if (this.counting) {
			MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
			String id = statement.getId();
			this.counts.computeIfAbsent(id.substring(id.lastIndexOf('.') + 1), (name) -> new LongAdder()).increment();
		}
		return invocation.proceed();
	}

	/** Counts what the action sends; the counts of earlier actions are dropped. */
	Map<String, Long> of(Runnable action) {
		this.counts.clear();
		this.counting = true;
		try {
			action.run();
		}
		finally {
			this.counting = false;
		}
		Map<String, Long> result = new TreeMap<>();
		this.counts.forEach((name, count) -> result.put(name, count.sum()));
		return result;
	}

	/** The kind of work a statement does, by the engine's statement name. */
	static String kindOf(String statement) {
		if (statement.contains("UserOperationLog")) {
			return "operation log";
		}
		if (statement.contains("Historic") || statement.contains("HistoricDetail")) {
			return "history";
		}
		if (statement.contains("Authoriz")) {
			return "authorizations";
		}
		if (statement.contains("Definition") || statement.contains("Deployment")) {
			return "models";
		}
		if (statement.contains("Job") || statement.equals("insertTimer") || statement.equals("insertMessage")) {
			return "jobs";
		}
		if (statement.contains("Variable") || statement.contains("ByteArray")) {
			return "variables";
		}
		if (statement.contains("IdentityLink")) {
			return "identity links";
		}
		if (statement.contains("Task")) {
			return "tasks";
		}
		if (statement.contains("Execution") || statement.contains("EventSubscription")
				|| statement.contains("ProcessInstance")) {
			return "executions";
		}
		if (statement.contains("User") || statement.contains("Group") || statement.contains("Membership")
				|| statement.contains("Tenant")) {
			return "users and groups";
		}
		return "other";
	}

	/** Whether the statement creates a job (timer, message, ...). */
	static boolean createsJob(String statement) {
		return statement.equals("insertTimer") || statement.equals("insertMessage")
				|| statement.equals("insertEverLivingJob");
	}

}
