package org.yunwei.ticket.internal.list;

import java.time.Instant;

import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;

/** A ticket as a list shows it. */
public record TicketSummary(long id, String number, TicketType type, TicketStatus status, PendingReason pendingReason,
		String priority, String subject, Channel channel, long customerOrgUnitId, Long providerPartyId,
		Long serviceId, Long groupId, Long assigneeUserId, boolean major, Instant responseDueAt,
		Instant resolutionDueAt, Instant createdAt, Instant updatedAt) {

	public static TicketSummary of(TicketRow t) {
		return new TicketSummary(t.id(), t.number(), t.type(), t.status(), t.pendingReason(), t.priority(),
				t.subject(), t.channel(), t.customerOrgUnitId(), t.providerPartyId(), t.serviceId(), t.groupId(),
				t.assigneeUserId(), t.major(), t.responseDueAt(), t.resolutionDueAt(), t.createdAt(), t.updatedAt());
	}
}
