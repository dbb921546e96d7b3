package org.yunwei.evaluation.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;

/**
 * What a dissatisfied customer gets (对客户满意度较低的事件进行分析, Hunan 4.2.5d): a follow-up service request for
 * the group that resolved the ticket, opened by the ticket module ({@link Tickets#openFollowUp}). A ticket has at
 * most one open follow-up: a second low rating or dissatisfied return visit while one is open is added to it
 * ({@link Tickets#addToFollowUp}) instead of opening another. The follow-ups a ticket had are this module's record
 * (on its ratings and visits); whether one is still open is the ticket module's answer.
 */
@Component
class SatisfactionFollowUp {

	private final Tickets tickets;
	private final JdbcClient jdbc;

	SatisfactionFollowUp(Tickets tickets, JdbcClient jdbc) {
		this.tickets = tickets;
		this.jdbc = jdbc;
	}

	/**
	 * The follow-up of {@code original} for this dissatisfaction: the open one it has, with {@code reason} added, or
	 * a new one; empty when the customer unit no longer exists or is disabled (nobody could be served).
	 *
	 * @param reason what the customer said, in the service desk's language
	 */
	Optional<TicketReference> open(TicketReference original, String reason, Tickets.Via via) {
		for (long followUpId : followUpsOf(original.id())) {
			Optional<TicketReference> joined = tickets.addToFollowUp(followUpId, original.id(), reason);
			if (joined.isPresent()) {
				return joined;
			}
		}
		return tickets.openFollowUp(original.id(), reason, via);
	}

	/** The follow-ups opened for a ticket, newest first (at most a few: one per complaint while none is open). */
	private List<Long> followUpsOf(long ticketId) {
		return jdbc.sql("""
				select id from (
				  select follow_up_ticket_id as id from ticket_rating where ticket_id = ?
				  union select follow_up_ticket_id from ticket_return_visit where ticket_id = ?) f
				where id is not null order by id desc""")
			.params(ticketId, ticketId)
			.query(Long.class)
			.list();
	}

	static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}
}
