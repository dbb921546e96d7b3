package org.yunwei.ticket.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.internal.record.TicketRecords;

/** The {@code ticket_rating} table: one rating per ticket. */
@Repository
public class SatisfactionRatings {

	private final JdbcClient jdbc;

	SatisfactionRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SatisfactionRating> find(long ticketId) {
		return jdbc.sql("""
				select r.ticket_id, r.score, r.comment, r.rated_by_user_id, r.rated_by_name, r.rated_at,
				  r.follow_up_ticket_id, f.number as follow_up_number
				from ticket_rating r left join ticket f on f.id = r.follow_up_ticket_id
				where r.ticket_id = ?""")
			.param(ticketId)
			.query((rs, n) -> new SatisfactionRating(rs.getLong("ticket_id"), rs.getInt("score"),
					rs.getString("comment"), rs.getLong("rated_by_user_id"), rs.getString("rated_by_name"),
					TicketRecords.instant(rs, "rated_at"), (Long) rs.getObject("follow_up_ticket_id"),
					rs.getString("follow_up_number")))
			.optional();
	}

	void insert(long ticketId, int score, String comment, long userId, String name, Instant at) {
		jdbc.sql("""
				insert into ticket_rating (ticket_id, score, comment, rated_by_user_id, rated_by_name, rated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ticketId, score, comment, userId, name, TicketRecords.timestamp(at))
			.update();
	}

	void setFollowUp(long ticketId, long followUpTicketId) {
		jdbc.sql("update ticket_rating set follow_up_ticket_id = ? where ticket_id = ?")
			.params(followUpTicketId, ticketId)
			.update();
	}
}
