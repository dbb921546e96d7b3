package org.yunwei.ticket.internal.record;

/** What an entry of a ticket's timeline records. */
public enum EntryKind {
	CREATED, FIELD_CHANGED, ASSIGNED, STATUS_CHANGED, REPLY, NOTE, WORK_LOG, SLA_WARNING, SLA_BREACHED, ESCALATED,
	ATTACHMENT, LINKED, MAJOR_UPDATE, ALERT, RATING, RETURN_VISIT,
	/** A functional escalation step reached no group it may hand the ticket to; the ticket stayed. */
	ESCALATION_FAILED
}
