package de.ratsweg.engine.identity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchResult;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapSearchResults;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ratsweg.identity.DirectoryGroups;
import de.ratsweg.identity.DirectoryGroups.Access;
import de.ratsweg.identity.DirectoryIdentity;
import de.ratsweg.kernel.RatswegGroups;

import static org.camunda.bpm.engine.impl.context.Context.getCommandContext;
import static org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration;

/**
 * Users from the city's directory through Camunda's LDAP plugin (search, paging, sorting,
 * the password check by binding as the user), with what the plugin does not know:
 * <ul>
 * <li>groups and municipalities follow from the mapping of directory groups
 * ({@link DirectoryGroups}), counting groups inside groups (Active Directory's nested
 * groups), so the engine's groups are Ratsweg's own and its tenants the configured
 * municipalities;</li>
 * <li>an account that Active Directory marks as disabled ({@code userAccountControl} flag
 * {@code ACCOUNTDISABLE}) is neither found nor can it log in, whatever the server answers
 * to a bind;</li>
 * <li>someone in no mapped group cannot log in.</li>
 * </ul>
 * One instance per engine command, like the plugin's own session.
 */
class DirectoryIdentityProvider extends LdapIdentityProviderSession {

	private static final Logger log = LoggerFactory.getLogger(DirectoryIdentityProvider.class);

	/** Active Directory's {@code ACCOUNTDISABLE} flag of {@code userAccountControl}. */
	static final int ACCOUNT_DISABLED = 0x2;

	private final DirectoryIdentity directory;

	private final DirectoryClient client;

	/**
	 * Whether the user entry read last is disabled; read by
	 * {@link #isAuthenticatedAndAuthorized(String)} right after
	 * {@link #transformUser(SearchResult)} for the same entry.
	 */
	private boolean lastUserDisabled;

	/**
	 * What each person is in Ratsweg, by distinguished name, read once per command (a
	 * member query checks every member).
	 */
	private final Map<String, Access> accessByDn = new HashMap<>();

	DirectoryIdentityProvider(LdapConfiguration configuration, DirectoryIdentity directory) {
		super(configuration);
		this.directory = directory;
		this.client = new DirectoryClient(configuration);
		this.ldapClient = this.client;
	}

	// --- users -----------------------------------------------------------------------

	@Override
	protected UserEntity transformUser(SearchResult result) {
		this.lastUserDisabled = isDisabled(result.getAttributes());
		return super.transformUser(result);
	}

	@Override
	protected boolean isAuthenticatedAndAuthorized(String userId) {
		return !this.lastUserDisabled && super.isAuthenticatedAndAuthorized(userId);
	}

	/**
	 * Like the engine's own identity: no check where the command switched authorization
	 * checks off (the plugin asks the authorization manager regardless), and members read
	 * their own groups and municipalities (the engine grants this when it creates a group
	 * or a tenant membership; with the directory nothing is created).
	 */
	@Override
	protected boolean isAuthorizedToRead(Resource resource, String resourceId) {
		CommandContext commandContext = getCommandContext();
		if (!commandContext.isAuthorizationCheckEnabled()) {
			return true;
		}
		Authentication current = commandContext.getAuthentication();
		if (current != null && resource.resourceType() == Resources.GROUP.resourceType()
				&& current.getGroupIds() != null && current.getGroupIds().contains(resourceId)) {
			return true;
		}
		if (current != null && resource.resourceType() == Resources.TENANT.resourceType()
				&& current.getTenantIds() != null && current.getTenantIds().contains(resourceId)) {
			return true;
		}
		return super.isAuthorizedToRead(resource, resourceId);
	}

	static boolean isDisabled(Attributes attributes) {
		Attribute control = attributes.get("userAccountControl");
		if (control == null) {
			return false;
		}
		try {
			return (Integer.parseInt(String.valueOf(control.get()).strip()) & ACCOUNT_DISABLED) != 0;
		}
		catch (NamingException | NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Members of a Ratsweg group or municipality are the members of the directory groups
	 * mapped to it, checked one by one; everything else the plugin answers.
	 */
	@Override
	public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
		if (query.getGroupId() == null && query.getTenantId() == null) {
			return super.findUserByQueryCriteria(query);
		}
		Set<String> candidates = new LinkedHashSet<>();
		for (String directoryGroup : this.directory.groups()
			.directoryGroupsFor(query.getGroupId(), query.getTenantId())) {
			candidates.addAll(userDnsIn(directoryGroup));
		}
		String userBaseDn = composeDn(this.ldapConfiguration.getUserSearchBase(), this.ldapConfiguration.getBaseDn());
		String userBase = userBaseDn.toLowerCase(Locale.ROOT);
		List<User> users = new ArrayList<>();
		for (String dn : candidates) {
			if (!userBase.isEmpty() && !dn.toLowerCase(Locale.ROOT).endsWith(userBase)) {
				continue;
			}
			List<User> found = findUsersWithoutGroupId(query, dn, true);
			if (found.isEmpty()) {
				continue;
			}
			Access access = accessOfDn(dn);
			if ((query.getGroupId() == null || access.groups().contains(query.getGroupId()))
					&& (query.getTenantId() == null || access.municipalities().contains(query.getTenantId()))) {
				users.add(found.get(0));
			}
		}
		users.sort(orderOf(query));
		return page(users, query.getFirstResult(), query.getMaxResults());
	}

	@Override
	public long findUserCountByQueryCriteria(LdapUserQueryImpl query) {
		this.client.open();
		return findUserByQueryCriteria(query).size();
	}

	private static Comparator<User> orderOf(LdapUserQueryImpl query) {
		Comparator<User> order = Comparator.comparing(User::getId);
		boolean byLastName = query.getOrderingProperties()
			.stream()
			.anyMatch((property) -> "lastName".equals(property.getQueryProperty().getName()));
		if (byLastName) {
			order = Comparator
				.comparing((User user) -> String.valueOf(user.getLastName()), String.CASE_INSENSITIVE_ORDER)
				.thenComparing(order);
		}
		return order;
	}

	/**
	 * Password check by binding as the user (the plugin), refused for a disabled account
	 * and for someone in no directory group mapped to Ratsweg.
	 */
	@Override
	public boolean checkPassword(String userId, String password) {
		if (!super.checkPassword(userId, password)) {
			return false;
		}
		if (accessOf(userId).isEmpty()) {
			log.warn("User '{}' gave the right password but is in no directory group mapped to Ratsweg; "
					+ "login refused", userId);
			return false;
		}
		return true;
	}

	/** What the user is in Ratsweg; nothing for an unknown or disabled user. */
	Access accessOf(String userId) {
		this.client.open();
		LdapUserEntity user = (LdapUserEntity) createUserQuery(getCommandContext()).userId(userId).singleResult();
		if (user == null) {
			return new Access(Set.of(), Set.of());
		}
		return accessOfDn(user.getDn());
	}

	private Access accessOfDn(String userDn) {
		return this.accessByDn.computeIfAbsent(userDn.toLowerCase(Locale.ROOT),
				(dn) -> this.directory.groups().accessOf(directoryGroupsOf(userDn)));
	}

	// --- directory groups ------------------------------------------------------------

	/** The names of the groups the entry is in, directly or through groups in groups. */
	Set<String> directoryGroupsOf(String dn) {
		this.client.open();
		Set<String> names = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		Deque<String> open = new ArrayDeque<>();
		open.add(dn);
		while (!open.isEmpty()) {
			String member = open.poll();
			String filter = "(&" + this.ldapConfiguration.getGroupSearchFilter() + "("
					+ this.ldapConfiguration.getGroupMemberAttribute() + "=" + escapeLDAPSearchFilter(member) + "))";
			for (SearchResult group : search(groupBaseDn(), filter)) {
				String groupDn = group.getNameInNamespace();
				if (seen.add(groupDn.toLowerCase(Locale.ROOT))) {
					String name = attribute(group.getAttributes(), this.ldapConfiguration.getGroupIdAttribute());
					if (name != null) {
						names.add(name);
					}
					open.add(groupDn);
				}
			}
		}
		return names;
	}

	/**
	 * The distinguished names of the directory group's members, groups in it resolved.
	 */
	Set<String> userDnsIn(String directoryGroup) {
		this.client.open();
		Set<String> users = new LinkedHashSet<>();
		Set<String> seenGroups = new HashSet<>();
		Deque<List<String>> open = new ArrayDeque<>();
		String filter = "(&" + this.ldapConfiguration.getGroupSearchFilter() + "("
				+ this.ldapConfiguration.getGroupIdAttribute() + "=" + escapeLDAPSearchFilter(directoryGroup) + "))";
		for (SearchResult group : search(groupBaseDn(), filter)) {
			if (seenGroups.add(group.getNameInNamespace().toLowerCase(Locale.ROOT))) {
				open.add(members(group.getAttributes()));
			}
		}
		while (!open.isEmpty()) {
			for (String member : open.poll()) {
				List<SearchResult> asGroup = search(member, this.ldapConfiguration.getGroupSearchFilter());
				if (asGroup.isEmpty()) {
					users.add(member);
				}
				else if (seenGroups.add(member.toLowerCase(Locale.ROOT))) {
					open.add(members(asGroup.get(0).getAttributes()));
				}
			}
		}
		return users;
	}

	private List<String> members(Attributes attributes) {
		List<String> members = new ArrayList<>();
		Attribute attribute = attributes.get(this.ldapConfiguration.getGroupMemberAttribute());
		if (attribute == null) {
			return members;
		}
		try {
			NamingEnumeration<?> values = attribute.getAll();
			while (values.hasMore()) {
				members.add(String.valueOf(values.next()));
			}
		}
		catch (NamingException ex) {
			throw new IdentityProviderException("Could not read the members of a directory group", ex);
		}
		return members;
	}

	private List<SearchResult> search(String baseDn, String filter) {
		List<SearchResult> results = new ArrayList<>();
		try (LdapSearchResults found = this.client.search(baseDn, filter)) {
			while (found.hasMoreElements()) {
				results.add(found.nextElement());
			}
		}
		catch (IdentityProviderException ex) {
			if (isNoSuchObject(ex)) {
				// A member that is no longer in the directory.
				return results;
			}
			throw ex;
		}
		return results;
	}

	private static boolean isNoSuchObject(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof javax.naming.NameNotFoundException) {
				return true;
			}
		}
		return false;
	}

	private String groupBaseDn() {
		return composeDn(this.ldapConfiguration.getGroupSearchBase(), this.ldapConfiguration.getBaseDn());
	}

	private static String attribute(Attributes attributes, String name) {
		Attribute attribute = attributes.get(name);
		try {
			return (attribute != null) ? String.valueOf(attribute.get()) : null;
		}
		catch (NamingException ex) {
			return null;
		}
	}

	// --- Ratsweg's groups ------------------------------------------------------------

	@Override
	public Group findGroupById(String groupId) {
		return createGroupQuery(getCommandContext()).groupId(groupId).singleResult();
	}

	@Override
	public long findGroupCountByQueryCriteria(LdapGroupQuery query) {
		return findGroupByQueryCriteria(query).size();
	}

	/** Ratsweg's groups, a user's as the directory's groups give them. */
	@Override
	public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
		Set<String> ofUser = (query.getUserId() != null) ? accessOf(query.getUserId()).groups() : null;
		Set<String> ids = (query.getIds() != null) ? Set.of(query.getIds()) : null;
		List<Group> groups = new ArrayList<>();
		if (query.getTenantId() != null) {
			// Groups are shared by all municipalities; no group is a member of a tenant.
			return groups;
		}
		for (String id : RatswegGroups.allGroupIds()) {
			String name = RatswegGroups.ADMIN.equals(id) ? RatswegGroups.ADMIN_NAME : RatswegGroups.nameOf(id);
			String type = RatswegGroups.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
			if ((query.getId() == null || query.getId().equals(id)) && (ids == null || ids.contains(id))
					&& (query.getName() == null || query.getName().equals(name))
					&& (query.getNameLike() == null || like(name, query.getNameLike()))
					&& (query.getType() == null || query.getType().equals(type))
					&& (ofUser == null || ofUser.contains(id)) && isAuthorizedToRead(Resources.GROUP, id)) {
				GroupEntity group = new GroupEntity(id);
				group.setName(name);
				group.setType(type);
				groups.add(group);
			}
		}
		return page(groups, query.getFirstResult(), query.getMaxResults());
	}

	// --- municipalities --------------------------------------------------------------

	@Override
	public TenantQuery createTenantQuery() {
		return new DirectoryTenantQuery(getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new DirectoryTenantQuery();
	}

	@Override
	public Tenant findTenantById(String id) {
		return createTenantQuery(getCommandContext()).tenantId(id).singleResult();
	}

	/** The configured municipalities, a user's as the directory's groups give them. */
	List<Tenant> findTenants(DirectoryTenantQuery query) {
		if (query.getGroupId() != null) {
			// Municipalities come with people, never with Ratsweg's shared groups.
			return List.of();
		}
		Set<String> ofUser = (query.getUserId() != null) ? accessOf(query.getUserId()).municipalities() : null;
		Set<String> ids = (query.getIds() != null) ? Set.of(query.getIds()) : null;
		List<Tenant> tenants = new ArrayList<>();
		Map<String, String> municipalities = new LinkedHashMap<>(this.directory.municipalities());
		for (Map.Entry<String, String> municipality : municipalities.entrySet()) {
			String id = municipality.getKey();
			String name = municipality.getValue();
			if ((query.getId() == null || query.getId().equals(id)) && (ids == null || ids.contains(id))
					&& (query.getName() == null || query.getName().equals(name))
					&& (query.getNameLike() == null || like(name, query.getNameLike()))
					&& (ofUser == null || ofUser.contains(id)) && isAuthorizedToRead(Resources.TENANT, id)) {
				TenantEntity tenant = new TenantEntity(id);
				tenant.setName(name);
				tenants.add(tenant);
			}
		}
		tenants.sort(Comparator.comparing(Tenant::getId));
		return page(tenants, query.getFirstResult(), query.getMaxResults());
	}

	// --- helpers ---------------------------------------------------------------------

	/** SQL's LIKE with {@code %} and {@code _}, as the engine's own queries take it. */
	static boolean like(String value, String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char character : pattern.toCharArray()) {
			switch (character) {
				case '%' -> regex.append(".*");
				case '_' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(character)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
	}

	private static <T> List<T> page(List<T> items, int firstResult, int maxResults) {
		int from = Math.min(Math.max(firstResult, 0), items.size());
		int to = (int) Math.min((long) from + Math.max(maxResults, 0), items.size());
		return new ArrayList<>(items.subList(from, to));
	}

}
