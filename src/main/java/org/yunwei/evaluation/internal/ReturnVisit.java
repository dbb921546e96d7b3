package org.yunwei.evaluation.internal;

import java.time.Instant;

/**
 * A return-visit call (回访记录) the service desk made about a resolved ticket.
 *
 * @param contact who was called and how (name, number)
 * @param followUp what the service desk will do about it (跟进措施), or {@code null}
 * @param followUpTicketId the follow-up a dissatisfied visit opened or joined; {@code null} for none
 */
public record ReturnVisit(long id, long ticketId, String ticketNumber, long calledByUserId, String calledByName,
		Instant calledAt, String contact, ReturnVisitResult result, String comment, String followUp,
		Long followUpTicketId, String followUpTicketNumber) {
}
