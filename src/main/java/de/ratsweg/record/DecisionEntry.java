package de.ratsweg.record;

import java.time.OffsetDateTime;

/**
 * One entry of the decision record while it is collected: a {@link Decision} with its
 * municipality still as the tenant id, and the rank that orders entries of the same
 * instant. Built step by step, since most entries leave several of the fields empty.
 */
public final class DecisionEntry {

	/**
	 * Who acted when nobody did by hand (a decision table, the vote count, a deadline).
	 */
	public static final String RATSWEG = "Ratsweg (automatisch)";

	/**
	 * At the same instant (one transaction), what people decided comes first, then what
	 * followed from it by itself: the vote count, then the funding route, last the
	 * outcome.
	 */
	public enum Rank {

		BY_PEOPLE, VOTE_COUNT, FUNDING_ROUTE, OUTCOME

	}

	private final OffsetDateTime time;

	private final String tenantId;

	private Rank rank = Rank.BY_PEOPLE;

	private String actorId;

	private String actorName;

	private String role;

	private String step;

	private String outcome;

	private String text;

	private String link;

	private DecisionEntry(OffsetDateTime time, String tenantId) {
		this.time = time;
		this.tenantId = tenantId;
	}

	/**
	 * An entry of that time (null: unknown, listed last) in the municipality with that
	 * tenant id.
	 */
	public static DecisionEntry at(OffsetDateTime time, String tenantId) {
		return new DecisionEntry(time, tenantId);
	}

	/**
	 * Who acted: the user (null when Ratsweg or another system did) and the name the
	 * record shows.
	 */
	public DecisionEntry by(String actorId, String actorName) {
		this.actorId = actorId;
		this.actorName = actorName;
		return this;
	}

	/** In which role: the work group ("Kämmerei") or the committee. */
	public DecisionEntry role(String role) {
		this.role = role;
		return this;
	}

	/** What was decided ("Mitzeichnung"). */
	public DecisionEntry step(String step) {
		this.step = step;
		return this;
	}

	/** The decision in German ("zugestimmt"). */
	public DecisionEntry outcome(String outcome) {
		this.outcome = outcome;
		return this;
	}

	/** The reasons, remarks or resolution text; may be null. */
	public DecisionEntry text(String text) {
		this.text = text;
		return this;
	}

	/** A web address that belongs to the decision; may be null. */
	public DecisionEntry link(String link) {
		this.link = link;
		return this;
	}

	/** The rank among entries of the same instant; {@link Rank#BY_PEOPLE} unless set. */
	public DecisionEntry rank(Rank rank) {
		this.rank = rank;
		return this;
	}

	OffsetDateTime time() {
		return this.time;
	}

	Rank rank() {
		return this.rank;
	}

	String tenantId() {
		return this.tenantId;
	}

	Decision decision(String municipality) {
		return new Decision(this.time, this.actorId, this.actorName, this.role, municipality, this.step, this.outcome,
				this.text, this.link);
	}

}
