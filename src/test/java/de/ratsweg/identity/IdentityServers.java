package de.ratsweg.identity;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import org.springframework.context.ConfigurableApplicationContext;

import de.ratsweg.TestProfiles;

/**
 * In the build's identity pass ({@code -Dratsweg.test.identity=directory}): starts the
 * test directory and the test provider before any test, and tells Ratsweg's test
 * configuration ({@code application-identity-test.yaml}) where they answer through system
 * properties.
 */
public class IdentityServers implements LauncherSessionListener {

	private static ConfigurableApplicationContext provider;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (TestProfiles.inIdentityPass()) {
			start();
		}
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (provider != null) {
			provider.close();
			provider = null;
		}
	}

	static synchronized void start() {
		String ldapUrl = TestDirectory.start();
		System.setProperty("ratsweg.test.ldap.url", ldapUrl);
		if (provider == null) {
			provider = TestIdentityProvider.start(ldapUrl);
			System.setProperty("ratsweg.test.sso.issuer", TestIdentityProvider.issuerOf(provider));
		}
	}

	/** The provider Ratsweg trusts in the identity pass. */
	public static String issuer() {
		return System.getProperty("ratsweg.test.sso.issuer");
	}

}
