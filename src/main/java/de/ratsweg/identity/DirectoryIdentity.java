package de.ratsweg.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.startup.StartupStep;
import de.ratsweg.tenancy.Municipalities;
import de.ratsweg.tenancy.Municipality;

/**
 * The city's directory as Ratsweg's identity source, when
 * {@code ratsweg.identity.directory.enabled} is set: the engine reads users from it
 * ({@code engine/identity/DirectoryIdentityProvider}), groups and municipalities follow
 * from the mapping of directory groups. Nothing is copied into Ratsweg's database, so a
 * leaver whom IT disables cannot log in from that moment.
 *
 * <p>
 * As the start-up step for users it checks the mapping (every municipality and group
 * named must exist) and tells in the log how many people the mapped groups hold.
 */
@Component
@ConditionalOnProperty(name = "ratsweg.identity.directory.enabled", havingValue = "true")
@EnableConfigurationProperties(DirectoryProperties.class)
public class DirectoryIdentity implements StartupStep {

	private static final Logger log = LoggerFactory.getLogger(DirectoryIdentity.class);

	private final DirectoryProperties properties;

	private final DirectoryGroups groups;

	private final ObjectProvider<Municipalities> municipalities;

	private final ObjectProvider<IdentityService> identityService;

	DirectoryIdentity(DirectoryProperties properties, ObjectProvider<Municipalities> municipalities,
			ObjectProvider<IdentityService> identityService) {
		if (properties.url() == null || properties.url().isBlank()) {
			throw new IllegalStateException("ratsweg.identity.directory.url is not set (RATSWEG_LDAP_URL), "
					+ "e.g. ldaps://dc1.stadt.example:636");
		}
		this.properties = properties;
		this.groups = new DirectoryGroups(properties.groups());
		this.municipalities = municipalities;
		this.identityService = identityService;
	}

	public DirectoryProperties properties() {
		return this.properties;
	}

	public DirectoryGroups groups() {
		return this.groups;
	}

	/** The municipalities by tenant id with their names, in configured order. */
	public Map<String, String> municipalities() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Municipality municipality : this.municipalities.getObject().all()) {
			names.put(municipality.id(), municipality.name());
		}
		return names;
	}

	@Override
	public Stage stage() {
		return Stage.USERS;
	}

	@Override
	public String description() {
		return "users and groups from the directory " + this.properties.url();
	}

	@Override
	public void run() {
		List<String> problems = mappingProblems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("ratsweg.identity.directory.groups: " + String.join("; ", problems));
		}
		if (this.groups.mappings()
			.stream()
			.noneMatch((mapping) -> mapping.ratswegGroups().contains(RatswegGroups.ADMIN))) {
			log.warn("No directory group is mapped to the administrators' group '{}': nobody can administer Ratsweg",
					RatswegGroups.ADMIN);
		}
		try {
			long people = this.identityService.getObject().createUserQuery().memberOfGroup(RatswegGroups.STAFF).count();
			log.info("Directory {}: {} people in the groups mapped to '{}'", this.properties.url(), people,
					RatswegGroups.STAFF);
		}
		catch (RuntimeException ex) {
			// Ratsweg runs on; logins fail until the directory answers.
			log.warn("Directory {} does not answer: {}", this.properties.url(), ex.getMessage());
		}
	}

	List<String> mappingProblems() {
		Map<String, String> known = municipalities();
		List<String> problems = new ArrayList<>();
		if (this.groups.mappings().isEmpty()) {
			problems.add("no directory group is mapped, so nobody could log in");
		}
		for (DirectoryProperties.GroupMapping mapping : this.groups.mappings()) {
			if (mapping.directoryGroup() == null || mapping.directoryGroup().isBlank()) {
				problems.add("an entry has no directory-group");
				continue;
			}
			if (mapping.municipality() != null && !known.containsKey(mapping.municipality())) {
				problems.add("'" + mapping.directoryGroup() + "' names the municipality '" + mapping.municipality()
						+ "', which is not one of " + known.keySet());
			}
			for (String group : mapping.ratswegGroups()) {
				if (!RatswegGroups.isKnown(group)) {
					problems.add("'" + mapping.directoryGroup() + "' names the group '" + group
							+ "', which is not one of Ratsweg's groups " + RatswegGroups.allGroupIds());
				}
			}
			if (mapping.ratswegGroups().isEmpty() && mapping.municipality() == null) {
				problems.add("'" + mapping.directoryGroup() + "' gives neither a group nor a municipality");
			}
		}
		return problems;
	}

}
