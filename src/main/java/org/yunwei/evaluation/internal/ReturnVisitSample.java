package org.yunwei.evaluation.internal;

/**
 * Which resolved tickets the return-visit sample draws: those whose id ends, in its last two decimal digits, below
 * the sample percentage. Ticket ids are given out one after another, so every hundred tickets hold exactly that many
 * drawn ones, spread evenly over time, groups and customers; a ticket is drawn or not once and for all, so the
 * worklist does not change from one look to the next, and an assessor can check the draw by hand.
 */
final class ReturnVisitSample {

	private ReturnVisitSample() {
	}

	/** The SQL condition on a ticket id column; its one parameter is the percentage. */
	static String condition(String idColumn) {
		return "(" + idColumn + " % 100) < ?";
	}

	static boolean drawn(long ticketId, int percent) {
		return Math.floorMod(ticketId, 100) < percent;
	}
}
