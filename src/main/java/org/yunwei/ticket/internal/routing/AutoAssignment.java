package org.yunwei.ticket.internal.routing;

/** Whether a routed ticket also gets a person of its group, and which one. */
public enum AutoAssignment {
	/** The group only: its members see it among their group's unassigned tickets and one takes it. */
	GROUP,
	/** Each member in turn (轮询). */
	ROUND_ROBIN,
	/** The member with the fewest open tickets (最少负载); on a tie the member who joined the system first. */
	LEAST_LOADED
}
