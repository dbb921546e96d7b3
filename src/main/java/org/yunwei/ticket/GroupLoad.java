package org.yunwei.ticket;

import java.util.Objects;

/**
 * How much waits in one assignment group now: its open tickets, those of them nobody has taken, and those past their
 * resolution target. The counts read no further than the group's {@link #CAP} open tickets with the earliest due
 * time: a home page needs "a lot", not the exact thousands, and reading no further keeps the read bounded however
 * large a backlog grows. Below the cap every count is exact; at it ({@link #capped()}), {@code open} means "at least
 * this many" and the other two count among those tickets (the overdue ones come first in due order, so theirs is
 * still exact unless it reaches the cap itself).
 *
 * @param group the group; never {@code null}
 */
public record GroupLoad(TicketGroup group, long open, long unassigned, long overdue) {

	/** The most tickets a count reads; a count of {@code CAP} means "at least this many". */
	public static final int CAP = 1_000;

	public GroupLoad {
		Objects.requireNonNull(group, "group");
	}

	/** Whether the group has at least {@link #CAP} open tickets, so that the counts are lower bounds. */
	public boolean capped() {
		return open >= CAP;
	}
}
