package de.ratsweg.engine.identity;

import java.util.List;

import javax.naming.ldap.Control;

import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;

/**
 * The LDAP plugin's connection, opened again after the plugin closed it (its password
 * check closes the connection, and Ratsweg then reads the user's groups).
 */
class DirectoryClient extends LdapClient {

	DirectoryClient(LdapConfiguration configuration) {
		super(configuration);
	}

	/** Opens the connection if needed, without the paging and sorting of a query. */
	void open() {
		ensureContextInitialized();
		setRequestControls(List.<Control>of());
	}

	@Override
	protected void closeLdapCtx() {
		super.closeLdapCtx();
		this.initialContext = null;
	}

}
