package de.ratsweg;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles for tests: {@code test}, plus {@code postgres} when the build's PostgreSQL
 * pass runs ({@code -Dratsweg.test.database=postgres}), plus {@code identity-test} when
 * the identity pass runs ({@code -Dratsweg.test.identity=directory}).
 */
public class TestProfiles implements ActiveProfilesResolver {

	/** Tests with this tag run a second time on PostgreSQL. */
	public static final String DATABASE_TAG = "database";

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("ratsweg.test.database"));
	}

	/** Tests with this tag run a second time with the directory and single sign-on. */
	public static final String IDENTITY_TAG = "identity";

	/** Tests with this tag run only with the directory and single sign-on. */
	public static final String IDENTITY_ONLY_TAG = "identity-only";

	/**
	 * The build's identity pass ({@code -Dratsweg.test.identity=directory}): people from
	 * the test directory, single sign-on through the test provider.
	 */
	public static boolean inIdentityPass() {
		return "directory".equals(System.getProperty("ratsweg.test.identity"));
	}

	public static String[] profiles() {
		List<String> profiles = new ArrayList<>(List.of("test"));
		if (onPostgres()) {
			profiles.add("postgres");
		}
		if (inIdentityPass()) {
			profiles.add("identity-test");
		}
		return profiles.toArray(String[]::new);
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return profiles();
	}

}
