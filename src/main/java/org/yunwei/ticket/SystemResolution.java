package org.yunwei.ticket;

/**
 * What {@link Tickets#resolveForSystem} did with an incident the system opened, now that what it reported has gone
 * away (a check recovered).
 */
public enum SystemResolution {
	/** Nobody had started on it (new, or only routed to a group or person): it is resolved. */
	RESOLVED,
	/**
	 * An agent is working it (in progress, or pending): it stays theirs, with an internal note that the trouble has
	 * gone away and its workers told; they resolve it when they have finished (a cause to record, a change to undo).
	 */
	NOTED,
	/** It was resolved or closed already, is no incident of the monitoring channel, or does not exist: nothing written. */
	UNCHANGED
}
