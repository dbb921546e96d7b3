package org.yunwei.ticket;

import java.util.Objects;

/**
 * How much waits in one assignment group now: its open tickets, those of them nobody has taken, and those past their
 * resolution target. Each count stops at {@link #CAP}: a home page needs "a lot", not the exact thousands, and
 * counting no further keeps the read of a group's backlog bounded however large it grows.
 *
 * @param group the group; never {@code null}
 */
public record GroupLoad(TicketGroup group, long open, long unassigned, long overdue) {

	/** The most tickets a count reads; a count of {@code CAP} means "at least this many". */
	public static final int CAP = 1_000;

	public GroupLoad {
		Objects.requireNonNull(group, "group");
	}
}
