package de.ratsweg.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The SQL statements the engine's task queries send, taken from MyBatis' debug log, with
 * their parameters filled in, to run {@code EXPLAIN ANALYZE} on them.
 */
final class SqlCapture {

	/** The engine's task statements and Ratsweg's task list query. */
	private static final List<String> TASK_STATEMENTS = List
		.of("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "de.ratsweg.engine.tasklist.TaskListQuery");

	private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((\\w+)\\)(?:, |$)");

	private SqlCapture() {
	}

	/** The task statements the action sends, ready to run. */
	static List<String> taskStatements(Runnable action) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		List<Logger> loggers = TASK_STATEMENTS.stream().map((name) -> (Logger) LoggerFactory.getLogger(name)).toList();
		List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
		for (Logger logger : loggers) {
			logger.addAppender(appender);
			logger.setLevel(Level.DEBUG);
		}
		try {
			action.run();
		}
		finally {
			for (int i = 0; i < loggers.size(); i++) {
				loggers.get(i).detachAppender(appender);
				loggers.get(i).setLevel(levels.get(i));
			}
		}
		List<String> statements = new ArrayList<>();
		String sql = null;
		for (ILoggingEvent event : appender.list) {
			String message = event.getFormattedMessage();
			if (message.contains("Preparing:")) {
				sql = message.substring(message.indexOf("Preparing:") + "Preparing:".length()).trim();
			}
			else if (message.contains("Parameters:") && sql != null) {
				statements.add(fill(sql, message.substring(message.indexOf("Parameters:") + "Parameters:".length())));
				sql = null;
			}
		}
		return statements;
	}

	private static String fill(String sql, String parameters) {
		List<String> values = new ArrayList<>();
		Matcher matcher = PARAMETER.matcher(parameters.trim());
		while (matcher.find() && !matcher.group().isEmpty()) {
			String value = matcher.group(1);
			String type = matcher.group(2);
			values.add(switch (type) {
				case "Integer", "Long", "Boolean", "Double" -> value;
				default -> "'" + value.replace("'", "''") + "'";
			});
		}
		StringBuilder filled = new StringBuilder();
		int next = 0;
		for (char c : sql.toCharArray()) {
			if (c == '?' && next < values.size()) {
				filled.append(values.get(next++));
			}
			else {
				filled.append(c);
			}
		}
		return filled.toString().replaceAll("\\s+", " ");
	}

}
