package org.yunwei.ticket.internal.link;

/**
 * A link an agent asks for: the other ticket by number (as people type it) or by id, and the kind.
 *
 * @param kind {@code PARENT_OF} (this ticket is the parent), {@code DUPLICATE_OF} (this one duplicates the other) or
 *        {@code RELATED}
 */
public record TicketLinkDraft(String otherNumber, Long otherTicketId, String kind) {
}
