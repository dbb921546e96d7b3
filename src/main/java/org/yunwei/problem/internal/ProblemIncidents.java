package org.yunwei.problem.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.TicketReference;

/** The table {@code problem_incident}: the only class that writes it. */
@Repository
public class ProblemIncidents {

	private final JdbcClient jdbc;

	ProblemIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An incident of a problem as its pages show it, with the number and subject it had when linked. */
	public record LinkedIncident(long ticketId, String number, String subject, Instant linkedAt) {
	}

	/** Links the incident; {@code false} when it was linked already. */
	boolean link(long problemId, TicketReference incident, long userId, Instant at) {
		return jdbc.sql("""
				insert into problem_incident (problem_id, ticket_id, number, subject, linked_by, linked_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(problemId, incident.id(), incident.number(), incident.subject(), userId, Timestamp.from(at))
			.update() == 1;
	}

	public List<LinkedIncident> of(long problemId) {
		return jdbc.sql("""
				select ticket_id, number, subject, linked_at from problem_incident where problem_id = ?
				order by linked_at, ticket_id""").param(problemId)
			.query((rs, n) -> new LinkedIncident(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}
}
