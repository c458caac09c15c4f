package de.ratsweg.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users and groups from the city's directory (Active Directory or another LDAP server)
 * instead of the engine's own users ({@code ratsweg.identity.directory}). The defaults
 * follow Active Directory's conventions; docs/identity.md explains every setting.
 *
 * @param enabled whether the directory is the identity source (off: the engine's users)
 * @param url {@code ldaps://dc1.stadt.example:636} (or {@code ldap://} inside a trusted
 * network)
 * @param managerDn the service account Ratsweg reads the directory with
 * @param managerPassword its password
 * @param baseDn where users and groups are searched, e.g. {@code DC=stadt,DC=example}
 * @param userSearchBase below the base, where users are, e.g. {@code OU=Mitarbeitende}
 * @param userSearchFilter which entries are people
 * @param userIdAttribute the attribute that is the Ratsweg user id
 * @param firstNameAttribute the first name
 * @param lastNameAttribute the last name
 * @param emailAttribute the e-mail address
 * @param groupSearchBase below the base, where groups are
 * @param groupSearchFilter which entries are groups
 * @param groupIdAttribute the attribute that names a group in {@link #groups()}
 * @param groupMemberAttribute the attribute of a group that lists its members (their
 * distinguished names; groups in groups count)
 * @param pageSize results per page (Active Directory returns at most 1,000 entries per
 * search without paging); 0 switches paging off
 * @param sortControlSupported whether the server sorts results (Active Directory does)
 * @param groups which directory group gives which Ratsweg groups and which municipality
 */
@ConfigurationProperties("ratsweg.identity.directory")
public record DirectoryProperties(boolean enabled, String url, String managerDn, String managerPassword,
		@DefaultValue("") String baseDn, @DefaultValue("") String userSearchBase,
		@DefaultValue("(&(objectCategory=person)(objectClass=user))") String userSearchFilter,
		@DefaultValue("sAMAccountName") String userIdAttribute, @DefaultValue("givenName") String firstNameAttribute,
		@DefaultValue("sn") String lastNameAttribute, @DefaultValue("mail") String emailAttribute,
		@DefaultValue("") String groupSearchBase, @DefaultValue("(objectClass=group)") String groupSearchFilter,
		@DefaultValue("cn") String groupIdAttribute, @DefaultValue("member") String groupMemberAttribute,
		@DefaultValue("500") int pageSize, @DefaultValue("true") boolean sortControlSupported,
		List<GroupMapping> groups) {

	public DirectoryProperties {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
	}

	/**
	 * One directory group and what its members (directly or through groups inside it) are
	 * in Ratsweg.
	 *
	 * @param directoryGroup the group's name in the directory (its
	 * {@code group-id-attribute}, e.g. {@code GG-Ratsweg-Soest-Kaemmerei})
	 * @param municipality the municipality (tenant id) its members work for; empty for
	 * groups that give only a role (e.g. administrators)
	 * @param ratswegGroups the Ratsweg groups its members belong to (e.g.
	 * {@code kaemmerei}, {@code leitung}, {@code camunda-admin})
	 */
	public record GroupMapping(String directoryGroup, String municipality, List<String> ratswegGroups) {

		public GroupMapping {
			ratswegGroups = (ratswegGroups != null) ? List.copyOf(ratswegGroups) : List.of();
			municipality = (municipality == null || municipality.isBlank()) ? null : municipality.strip();
		}

	}

	@Override
	public String toString() {
		return "DirectoryProperties[url=" + this.url + ", managerDn=" + this.managerDn + ", managerPassword=***]";
	}

}
