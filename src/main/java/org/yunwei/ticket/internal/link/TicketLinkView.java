package org.yunwei.ticket.internal.link;

import java.time.Instant;

import org.yunwei.ticket.internal.record.TicketStatus;

/**
 * A link as one of its two tickets shows it.
 *
 * @param outgoing whether the link was made from this ticket ({@code PARENT_OF}: this is the parent; {@code
 *        DUPLICATE_OF}: this duplicates the other); {@code RELATED} is the same either way
 * @param role the other ticket's role as this one sees it: CHILD, PARENT, DUPLICATE_OF, DUPLICATED_BY or RELATED
 */
public record TicketLinkView(LinkKind kind, boolean outgoing, String role, long otherTicketId, String otherNumber,
		String otherSubject, TicketStatus otherStatus, Instant createdAt) {

	static TicketLinkView of(LinkKind kind, boolean outgoing, long otherTicketId, String otherNumber,
			String otherSubject, TicketStatus otherStatus, Instant createdAt) {
		return new TicketLinkView(kind, outgoing, roleOf(kind, outgoing), otherTicketId, otherNumber, otherSubject,
				otherStatus, createdAt);
	}

	static String roleOf(LinkKind kind, boolean outgoing) {
		return switch (kind) {
			case PARENT_OF -> outgoing ? "CHILD" : "PARENT";
			case DUPLICATE_OF -> outgoing ? "DUPLICATE_OF" : "DUPLICATED_BY";
			case RELATED -> "RELATED";
		};
	}
}
