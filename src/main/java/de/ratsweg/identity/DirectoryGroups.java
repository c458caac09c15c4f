package de.ratsweg.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import de.ratsweg.identity.DirectoryProperties.GroupMapping;

/**
 * What membership in directory groups means in Ratsweg: the one readable mapping of
 * {@code ratsweg.identity.directory.groups} (and of the {@code groups} claim of single
 * sign-on tokens). Directory group names are compared as Active Directory compares them,
 * without regard to case.
 */
public final class DirectoryGroups {

	private final List<GroupMapping> mappings;

	public DirectoryGroups(List<GroupMapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	public List<GroupMapping> mappings() {
		return this.mappings;
	}

	/**
	 * What a member of these directory groups is in Ratsweg. Someone in no mapped group
	 * gets nothing: no group, no municipality, no access.
	 */
	public Access accessOf(Collection<String> directoryGroups) {
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(directoryGroups);
		Set<String> groups = new LinkedHashSet<>();
		Set<String> municipalities = new LinkedHashSet<>();
		for (GroupMapping mapping : this.mappings) {
			if (names.contains(mapping.directoryGroup())) {
				groups.addAll(mapping.ratswegGroups());
				if (mapping.municipality() != null) {
					municipalities.add(mapping.municipality());
				}
			}
		}
		return new Access(Set.copyOf(groups), Set.copyOf(municipalities));
	}

	/**
	 * The directory groups whose members may be in the Ratsweg group (when given) and the
	 * municipality (when given): where to look for such people. Whether a member really
	 * is both is {@link #accessOf(Collection)}'s answer for that member.
	 */
	public Set<String> directoryGroupsFor(String ratswegGroup, String municipality) {
		Set<String> found = new LinkedHashSet<>();
		for (GroupMapping mapping : this.mappings) {
			boolean relevant = (ratswegGroup != null) ? mapping.ratswegGroups().contains(ratswegGroup)
					: municipality == null || municipality.equals(mapping.municipality());
			if (relevant) {
				found.add(mapping.directoryGroup().toLowerCase(Locale.ROOT));
			}
		}
		return found;
	}

	/**
	 * What a person is in Ratsweg.
	 *
	 * @param groups the Ratsweg groups (work groups, leads, administrators)
	 * @param municipalities the municipalities (tenant ids); more than one only when the
	 * directory says so, which Ratsweg then treats as none for starting projects
	 */
	public record Access(Set<String> groups, Set<String> municipalities) {

		public boolean isEmpty() {
			return this.groups.isEmpty() && this.municipalities.isEmpty();
		}

	}

}
