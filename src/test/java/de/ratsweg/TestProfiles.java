package de.ratsweg;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles for tests: {@code test}, plus {@code postgres} when the build's PostgreSQL
 * pass runs ({@code -Dratsweg.test.database=postgres}).
 */
public class TestProfiles implements ActiveProfilesResolver {

	/** Tests with this tag run a second time on PostgreSQL. */
	public static final String DATABASE_TAG = "database";

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("ratsweg.test.database"));
	}

	public static String[] profiles() {
		List<String> profiles = new ArrayList<>(List.of("test"));
		if (onPostgres()) {
			profiles.add("postgres");
		}
		return profiles.toArray(String[]::new);
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return profiles();
	}

}
