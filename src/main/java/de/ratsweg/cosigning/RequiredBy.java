package de.ratsweg.cosigning;

import java.io.Serializable;

/**
 * One rule of the co-signing table that matched: the department it requires and why (the
 * rule's annotation). The engine's decision listener
 * ({@code engine/cosigning/MatchedRules}) hands them to {@link CoSigning#plan} as a
 * transient variable of the execution that evaluated the table.
 *
 * @param department the department it requires
 * @param ruleId the rule's id
 * @param annotation the rule's annotation (description), or null
 */
public record RequiredBy(String department, String ruleId, String annotation) implements Serializable {

	/** Transient variable: a list of {@link RequiredBy}, never stored. */
	public static final String VARIABLE = "coSigningMatchedRules";

}
