package org.yunwei.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.TicketReference;

/**
 * The {@code evaluation_ticket} table: the tickets that reached resolution, as this module knows them. Every write
 * is an upsert that applies only what happened at or after the last change it holds, so that an event delivered
 * twice or late (listeners run concurrently) leaves the newest state.
 */
@Repository
class EvaluationTickets {

	private final JdbcClient jdbc;

	EvaluationTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that {@code ticket} reached {@code status} at {@code at}, with its current details.
	 *
	 * @param status RESOLVED, CLOSED or REOPENED
	 * @param assigneeUserId who is assigned to it as the event says; {@code null} for nobody
	 * @param resolvedAt the resolution it stands on; {@code null} for a reopened ticket
	 */
	void apply(TicketReference ticket, String status, Long assigneeUserId, Instant resolvedAt, Instant closedAt,
			Instant at) {
		jdbc.sql("""
				insert into evaluation_ticket (ticket_id, number, type, status, priority, subject, customer_org_unit_id,
				  provider_party_id, group_id, reporter_name, reporter_contact, major, resolved_at, closed_at, changed_at,
				  assignee_user_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (ticket_id) do update set status = excluded.status, priority = excluded.priority,
				  subject = excluded.subject, customer_org_unit_id = excluded.customer_org_unit_id,
				  provider_party_id = excluded.provider_party_id, group_id = excluded.group_id,
				  reporter_name = excluded.reporter_name, reporter_contact = excluded.reporter_contact,
				  major = excluded.major, resolved_at = excluded.resolved_at, closed_at = excluded.closed_at,
				  changed_at = excluded.changed_at, assignee_user_id = excluded.assignee_user_id
				where evaluation_ticket.changed_at <= excluded.changed_at""")
			.params(ticket.id(), ticket.number(), ticket.type().name(), status, ticket.priority(), ticket.subject(),
					ticket.customerOrgUnitId(), ticket.providerPartyId(), ticket.groupId(), ticket.reporterName(),
					ticket.reporterContact(), ticket.major(), timestamp(resolvedAt), timestamp(closedAt),
					timestamp(at), assigneeUserId)
			.update();
	}

	/**
	 * Makes sure a resolved or closed ticket that is rated or visited now is known, should its event not have been
	 * handled yet (listeners run after the resolution's commit); a row that is there already stays as it is.
	 */
	void remember(TicketReference ticket) {
		Instant at = ticket.closedAt() != null ? ticket.closedAt() : ticket.resolvedAt();
		jdbc.sql("""
				insert into evaluation_ticket (ticket_id, number, type, status, priority, subject, customer_org_unit_id,
				  provider_party_id, group_id, reporter_name, reporter_contact, major, resolved_at, closed_at, changed_at,
				  assignee_user_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (ticket_id) do nothing""")
			.params(ticket.id(), ticket.number(), ticket.type().name(), ticket.status(), ticket.priority(),
					ticket.subject(), ticket.customerOrgUnitId(), ticket.providerPartyId(), ticket.groupId(),
					ticket.reporterName(), ticket.reporterContact(), ticket.major(), timestamp(ticket.resolvedAt()),
					timestamp(ticket.closedAt()), timestamp(at == null ? Instant.now() : at), ticket.assigneeUserId())
			.update();
	}

	/** The status evaluation knows of a ticket: RESOLVED, CLOSED or REOPENED; empty for one never resolved. */
	Optional<String> status(long ticketId) {
		return jdbc.sql("select status from evaluation_ticket where ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.optional();
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
