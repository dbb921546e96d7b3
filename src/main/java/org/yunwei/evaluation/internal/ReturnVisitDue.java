package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.util.Set;

import org.yunwei.ticket.TicketType;

/**
 * A resolved or closed ticket on the return-visit worklist (待回访).
 *
 * @param status RESOLVED or CLOSED
 * @param score the customer's rating, {@code null} when not rated
 * @param attempts the calls made so far, all of which found nobody
 * @param reasons why it is on the list
 */
public record ReturnVisitDue(long ticketId, String number, TicketType type, String status, String priority,
		String subject, long customerOrgUnitId, String customerUnitName, Long groupId, String groupName,
		String reporterName, String reporterContact, boolean major, Instant resolvedAt, Integer score, int attempts,
		Set<ReturnVisitReason> reasons) {
}
