package org.yunwei.cmdb.internal;

import java.time.Instant;

/**
 * One movement of a part's stock.
 *
 * @param kind {@code RECEIVED} (入库), {@code ISSUED} (领用, against a ticket) or {@code RETURNED} (归还, against the
 *        ticket it was issued for)
 * @param ticketId the ticket; {@code null} for a receipt
 */
public record SpareMovement(long id, long partId, String location, String kind, int quantity, Long ticketId,
		String ticketNumber, String reason, String movedByName, Instant movedAt) {
}
