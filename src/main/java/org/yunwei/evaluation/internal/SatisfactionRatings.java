package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ticket_rating} table: one rating per ticket. */
@Repository
class SatisfactionRatings {

	private final JdbcClient jdbc;

	SatisfactionRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SatisfactionRating> find(long ticketId) {
		return jdbc.sql("""
				select ticket_id, score, comment, rated_by_user_id, rated_by_name, rated_at, follow_up_ticket_id,
				  follow_up_number
				from ticket_rating where ticket_id = ?""")
			.param(ticketId)
			.query((rs, n) -> new SatisfactionRating(rs.getLong("ticket_id"), rs.getInt("score"),
					rs.getString("comment"), rs.getLong("rated_by_user_id"), rs.getString("rated_by_name"),
					EvaluationTickets.instant(rs, "rated_at"), (Long) rs.getObject("follow_up_ticket_id"),
					rs.getString("follow_up_number")))
			.optional();
	}

	void insert(long ticketId, int score, String comment, long userId, String name, Instant at) {
		jdbc.sql("""
				insert into ticket_rating (ticket_id, score, comment, rated_by_user_id, rated_by_name, rated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ticketId, score, comment, userId, name, EvaluationTickets.timestamp(at))
			.update();
	}

	void setFollowUp(long ticketId, long followUpTicketId, String followUpNumber) {
		jdbc.sql("update ticket_rating set follow_up_ticket_id = ?, follow_up_number = ? where ticket_id = ?")
			.params(followUpTicketId, followUpNumber, ticketId)
			.update();
	}
}
