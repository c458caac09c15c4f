package de.ratsweg.engine.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericTypeNamesTest {

	/** A class loader that notes every name it is asked for. */
	static final class Noting extends ClassLoader {

		final List<String> asked = new ArrayList<>();

		Noting() {
			super(GenericTypeNamesTest.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.asked.add(name);
			return super.loadClass(name, resolve);
		}

	}

	@Test
	void namesWithTypeArgumentsAreRefusedWithoutAskingTheThreadsClassLoader() throws Exception {
		Noting web = new Noting();
		AtomicReference<ClassLoader> during = new AtomicReference<>();
		runCommandWith(web, (context) -> {
			during.set(Thread.currentThread().getContextClassLoader());
			return null;
		});
		ClassLoader loader = during.get();

		assertThatThrownBy(() -> Class.forName("java.util.ArrayList<java.util.LinkedHashMap>", true, loader))
			.isInstanceOf(ClassNotFoundException.class);
		assertThat(web.asked).isEmpty();
		assertThat(Class.forName(GenericTypeNamesTest.class.getName(), true, loader))
			.isSameAs(GenericTypeNamesTest.class);
		assertThat(web.asked).containsExactly(GenericTypeNamesTest.class.getName());
		assertThat(loader.getResource("camunda.cfg.xml")).isEqualTo(web.getResource("camunda.cfg.xml"));
	}

	@Test
	void theThreadsClassLoaderIsBackAfterTheCommandEvenWhenItFails() {
		Noting web = new Noting();
		assertThatThrownBy(() -> runCommandWith(web, (context) -> {
			throw new IllegalStateException("refused");
		})).hasMessage("refused");
	}

	/**
	 * Runs the command through the interceptor on a thread whose class loader is the
	 * given one, and fails unless that class loader is the thread's again afterwards.
	 */
	private static void runCommandWith(ClassLoader threadLoader, Command<Object> command) {
		ClassLoader before = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(threadLoader);
		try {
			GenericTypeNames interceptor = new GenericTypeNames();
			interceptor.setNext(new CommandInterceptor() {
				@Override
				public <T> T execute(Command<T> inner) {
					return inner.execute(null);
				}
			});
			interceptor.execute(command);
		}
		finally {
			if (Thread.currentThread().getContextClassLoader() != threadLoader) {
				Thread.currentThread().setContextClassLoader(before);
				throw new AssertionError("class loader not restored");
			}
			Thread.currentThread().setContextClassLoader(before);
		}
	}

}
