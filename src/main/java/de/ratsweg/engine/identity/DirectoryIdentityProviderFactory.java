package de.ratsweg.engine.identity;

import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;

import de.ratsweg.identity.DirectoryIdentity;
import de.ratsweg.identity.DirectoryProperties;

/**
 * The engine's identity source when the city's directory is configured: one
 * {@link DirectoryIdentityProvider} per engine command, as the LDAP plugin's own factory
 * does.
 */
public class DirectoryIdentityProviderFactory implements SessionFactory {

	private final LdapConfiguration configuration;

	private final DirectoryIdentity directory;

	public DirectoryIdentityProviderFactory(DirectoryIdentity directory) {
		this.directory = directory;
		this.configuration = configurationOf(directory.properties());
	}

	/** The LDAP plugin's settings from Ratsweg's. */
	static LdapConfiguration configurationOf(DirectoryProperties properties) {
		LdapConfiguration configuration = new LdapConfiguration();
		configuration.setServerUrl(properties.url());
		configuration.setManagerDn((properties.managerDn() != null) ? properties.managerDn() : "");
		configuration.setManagerPassword((properties.managerPassword() != null) ? properties.managerPassword() : "");
		configuration.setBaseDn(properties.baseDn());
		configuration.setUserSearchBase(properties.userSearchBase());
		configuration.setUserSearchFilter(properties.userSearchFilter());
		configuration.setUserIdAttribute(properties.userIdAttribute());
		configuration.setUserFirstnameAttribute(properties.firstNameAttribute());
		configuration.setUserLastnameAttribute(properties.lastNameAttribute());
		configuration.setUserEmailAttribute(properties.emailAttribute());
		configuration.setGroupSearchBase(properties.groupSearchBase());
		configuration.setGroupSearchFilter(properties.groupSearchFilter());
		configuration.setGroupIdAttribute(properties.groupIdAttribute());
		configuration.setGroupNameAttribute(properties.groupIdAttribute());
		configuration.setGroupMemberAttribute(properties.groupMemberAttribute());
		configuration.setSortControlSupported(properties.sortControlSupported());
		configuration.setPageSize((properties.pageSize() > 0) ? properties.pageSize() : null);
		configuration.setUseSsl(properties.url().toLowerCase(java.util.Locale.ROOT).startsWith("ldaps:"));
		// Never log in without a password, even where the server allows anonymous binds.
		configuration.setAllowAnonymousLogin(false);
		configuration.setAuthorizationCheckEnabled(true);
		return configuration;
	}

	@Override
	public Class<?> getSessionType() {
		return ReadOnlyIdentityProvider.class;
	}

	@Override
	public Session openSession() {
		return new DirectoryIdentityProvider(this.configuration, this.directory);
	}

}
