package de.ratsweg.engine.variables;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Reading a JSON object variable, Camunda Spin first asks the thread's class loader for
 * the variable's type name as a class
 * ({@code java.util.ArrayList<java.util.LinkedHashMap<
 * java.lang.String,java.lang.Object>>}), and only when that fails reads the name as a
 * type with arguments. In the packaged application the thread's class loader is the web
 * server's, which answers "no such class" only after looking through every library in the
 * jar: 6.6 % of the request threads' processor time under Tasklist load went there
 * (profiled with the benchmark's open loop). Inside engine commands such names are
 * refused at once; every other look-up goes to the same class loader as before, so
 * nothing else changes.
 */
public class GenericTypeNames extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		Thread thread = Thread.currentThread();
		ClassLoader current = thread.getContextClassLoader();
		if (current == null || current instanceof RefusingTypeArguments) {
			return this.next.execute(command);
		}
		thread.setContextClassLoader(RefusingTypeArguments.over(current));
		try {
			return this.next.execute(command);
		}
		finally {
			thread.setContextClassLoader(current);
		}
	}

	/**
	 * Delegates every look-up to its parent, except names with type arguments, which no
	 * class loader can load.
	 */
	static final class RefusingTypeArguments extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		/**
		 * One per parent (the web server's and the job executor's class loader), so that
		 * commands do not create class loaders.
		 */
		private static final Map<ClassLoader, RefusingTypeArguments> BY_PARENT = new ConcurrentHashMap<>();

		private RefusingTypeArguments(ClassLoader parent) {
			super(parent);
		}

		static RefusingTypeArguments over(ClassLoader parent) {
			return BY_PARENT.computeIfAbsent(parent, RefusingTypeArguments::new);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.indexOf('<') >= 0) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
