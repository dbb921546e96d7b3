package org.yunwei.ticket.internal.link;

/** How two tickets relate. */
public enum LinkKind {
	/** The ticket is the parent of the other (e.g. a major incident and the reports it caused). */
	PARENT_OF,
	/** The ticket reports what the other already does. */
	DUPLICATE_OF,
	/** Related either way. */
	RELATED
}
