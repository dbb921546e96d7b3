package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ticket_return_visit} table; a visited ticket's number comes from evaluation's own record of it. */
@Repository
class ReturnVisitRecords {

	private static final String SELECT = """
			select v.id, v.ticket_id, t.number, v.called_by_user_id, v.called_by_name, v.called_at, v.contact,
			  v.result, v.comment, v.follow_up, v.follow_up_ticket_id, v.follow_up_number
			from ticket_return_visit v join evaluation_ticket t on t.ticket_id = v.ticket_id""";

	private static final RowMapper<ReturnVisit> VISIT = (rs, n) -> new ReturnVisit(rs.getLong("id"),
			rs.getLong("ticket_id"), rs.getString("number"), rs.getLong("called_by_user_id"),
			rs.getString("called_by_name"), EvaluationTickets.instant(rs, "called_at"), rs.getString("contact"),
			ReturnVisitResult.valueOf(rs.getString("result")), rs.getString("comment"), rs.getString("follow_up"),
			(Long) rs.getObject("follow_up_ticket_id"), rs.getString("follow_up_number"));

	private final JdbcClient jdbc;

	ReturnVisitRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReturnVisit> find(long id) {
		return jdbc.sql(SELECT + " where v.id = ?").param(id).query(VISIT).optional();
	}

	/** The visits of a ticket, the latest first. */
	List<ReturnVisit> ofTicket(long ticketId) {
		return jdbc.sql(SELECT + " where v.ticket_id = ? order by v.called_at desc, v.id desc")
			.param(ticketId)
			.query(VISIT)
			.list();
	}

	long insert(long ticketId, long userId, String name, Instant at, String contact, ReturnVisitResult result,
			String comment, String followUp) {
		return jdbc.sql("""
				insert into ticket_return_visit (ticket_id, called_by_user_id, called_by_name, called_at, contact,
				  result, comment, follow_up) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketId, userId, name, EvaluationTickets.timestamp(at), contact, result.name(), comment,
					followUp)
			.query(Long.class)
			.single();
	}

	void setFollowUp(long id, long followUpTicketId, String followUpNumber) {
		jdbc.sql("update ticket_return_visit set follow_up_ticket_id = ?, follow_up_number = ? where id = ?")
			.params(followUpTicketId, followUpNumber, id)
			.update();
	}
}
