package de.ratsweg.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;

/**
 * A real LDAP server in the test JVM (UnboundID's in-memory directory), holding the
 * Active-Directory-shaped entries of {@code identity/kommunen.ldif}: Soest and Menden,
 * their people and groups. Like Active Directory it returns at most
 * {@link #MAX_ENTRIES_PER_SEARCH} entries per search unless the client pages.
 */
public final class TestDirectory {

	public static final String BASE_DN = "DC=kommunen,DC=test";

	public static final String MANAGER_DN = "CN=svc-ratsweg,OU=Dienstkonten," + BASE_DN;

	public static final String MANAGER_PASSWORD = "Dienstkonto-Lesen-2026";

	/** Active Directory's MaxPageSize is 1,000; the test directory has fewer people. */
	public static final int MAX_ENTRIES_PER_SEARCH = 50;

	private static InMemoryDirectoryServer server;

	private TestDirectory() {
	}

	/** Starts the directory once per JVM; returns its {@code ldap://} URL. */
	public static synchronized String start() {
		if (server == null) {
			try {
				InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
				// Active Directory's schema (objectClass user, sAMAccountName, ...) is
				// not
				// the standard one the in-memory server knows.
				config.setSchema(null);
				config.setMaxSizeLimit(MAX_ENTRIES_PER_SEARCH);
				config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
						java.net.InetAddress.getLoopbackAddress(), 0, null));
				InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
				try (InputStream ldif = TestDirectory.class.getResourceAsStream("/identity/kommunen.ldif")) {
					directory.importFromLDIF(true, new LDIFReader(ldif));
				}
				directory.startListening();
				server = directory;
			}
			catch (LDAPException ex) {
				throw new IllegalStateException("The test directory did not start", ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return "ldap://127.0.0.1:" + server.getListenPort();
	}

	/** The distinguished name of the person with this log-in name. */
	public static String dnOf(String samAccountName) {
		return entry("(sAMAccountName=" + samAccountName + ")").getDN();
	}

	/** The distinguished name of the group with this name. */
	public static String groupDn(String name) {
		return entry("(&(objectClass=group)(cn=" + name + "))").getDN();
	}

	/** IT adds the person to the group, as in "Active Directory Users and Computers". */
	public static void addToGroup(String samAccountName, String group) {
		modify(groupDn(group), new Modification(ModificationType.ADD, "member", dnOf(samAccountName)));
	}

	public static void removeFromGroup(String samAccountName, String group) {
		modify(groupDn(group), new Modification(ModificationType.DELETE, "member", dnOf(samAccountName)));
	}

	/** IT disables (514) or enables (512) the account. */
	public static void setDisabled(String samAccountName, boolean disabled) {
		modify(dnOf(samAccountName),
				new Modification(ModificationType.REPLACE, "userAccountControl", disabled ? "514" : "512"));
	}

	/** Whether the account is disabled (flag ACCOUNTDISABLE of userAccountControl). */
	public static boolean isDisabled(String samAccountName) {
		return (Integer.parseInt(
				entry("(sAMAccountName=" + samAccountName + ")").getAttributeValue("userAccountControl")) & 2) != 0;
	}

	private static SearchResultEntry entry(String filter) {
		try {
			return server.searchForEntry(BASE_DN, SearchScope.SUB, Filter.create(filter));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void modify(String dn, Modification modification) {
		try {
			server.modify(dn, modification);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
