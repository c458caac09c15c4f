package de.ratsweg.record;

import java.util.List;

/**
 * The decisions one process adds to the decision record, read from a project's history.
 * Each process package implements it for its own process, so that the record knows none
 * of their variables and depends on none of them.
 *
 * <p>
 * The record sorts the entries by time; at the same instant and {@link DecisionEntry.Rank
 * rank} it keeps the order in which they were added: the processes in the order below
 * (each implementation carries its constant as {@code @Order}), and within one process
 * the order it returns.
 */
public interface DecisionEntries {

	/** The project itself: the idea, revisions, funding route, organisation, outcome. */
	int PROJECT = 100;

	/** The departments' co-signing. */
	int CO_SIGNING = 200;

	/** The board's approval. */
	int BOARD = 300;

	/** The committees' consultations. */
	int COMMITTEES = 400;

	/** The funding application. */
	int FUNDING = 500;

	/** Administrators moving the project to a newer version of its process. */
	int VERSION_CHANGES = 600;

	/**
	 * The entries of this process in the project's history.
	 * @param history what the engine's history holds about the project
	 * @return the entries, each kind oldest first
	 */
	List<DecisionEntry> of(ProjectHistory history);

}
