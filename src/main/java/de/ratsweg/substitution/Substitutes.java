package de.ratsweg.substitution;

import java.util.Collection;
import java.util.List;

/**
 * Who stands in for an absent colleague right now (Vertretung), for the parts of Ratsweg
 * that tell people about work: notifications go to the substitute too.
 */
public interface Substitutes {

	/**
	 * The substitutes of the user for today who may do a task of the given groups in the
	 * given municipality (same municipality, one of the groups); empty when the user is
	 * not absent.
	 */
	List<String> standingInFor(String userId, String tenantId, Collection<String> taskGroups);

}
