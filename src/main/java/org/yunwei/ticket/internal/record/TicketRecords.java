package org.yunwei.ticket.internal.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.ClockKind;
import org.yunwei.ticket.TicketType;

/** The {@code ticket} table: one row per ticket, read and written whole or field by field. */
@Repository
public class TicketRecords {

	public static final String COLUMNS = """
			id, number, type, status, pending_reason, channel, subject, description, reporter_user_id, reporter_name,
			reporter_contact, customer_org_unit_id, provider_party_id, service_id, service_object, configuration_item,
			category, impact, urgency, priority, group_id, assignee_user_id, major, coordinator_user_id, agreement_id,
			response_due_at, resolution_due_at, responded_at, resolved_at, closed_at, resolution_code,
			resolution_text, alert_key, created_at, updated_at, version""";

	public static final RowMapper<TicketRow> ROW = TicketRecords::row;

	private final JdbcClient jdbc;

	TicketRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TicketRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from ticket where id = ?").param(id).query(ROW).optional();
	}

	public Optional<TicketRow> findByNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from ticket where number = ?").param(number).query(ROW).optional();
	}

	/** The tickets of these ids that exist, in no particular order. */
	public List<TicketRow> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from ticket where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(ROW)
			.list();
	}

	/** The ticket, locked until the transaction ends: every change reads it this way first. */
	public Optional<TicketRow> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from ticket where id = ? for update").param(id).query(ROW).optional();
	}

	public Optional<TicketRow> lockByAlertKey(String alertKey) {
		return jdbc.sql("select " + COLUMNS + " from ticket where alert_key = ? for update")
			.param(alertKey)
			.query(ROW)
			.optional();
	}

	/**
	 * Draws a new ticket's id and reads its priority, the {@link PriorityMatrix}'s cell for its impact and urgency:
	 * the clocks start on the id before the row is written, so that the row is written once, numbered (see
	 * {@link org.yunwei.ticket.internal.intake.TicketNumbers#numberAndInsert}).
	 */
	public Reserved reserve(int impact, int urgency) {
		return jdbc.sql("""
				select nextval(pg_get_serial_sequence('ticket', 'id')),
				    (select priority from ticket_priority_matrix where impact = ? and urgency = ?)""")
			.params(impact, urgency)
			.query((rs, n) -> new Reserved(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** A new ticket's id and priority. */
	public record Reserved(long id, String priority) {

		/** The ticket as it will be written, but for its number: no agreement or due times yet, version 0. */
		public TicketRow ticket(NewTicket t, Instant now) {
			return new TicketRow(id, null, t.type(), t.status(), null, t.channel(), t.subject(), t.description(),
					t.reporterUserId(), t.reporterName(), t.reporterContact(), t.customerOrgUnitId(),
					t.providerPartyId(), t.serviceId(), t.serviceObject(), t.configurationItem(), t.category(),
					t.impact(), t.urgency(), priority, t.groupId(), t.assigneeUserId(), false, null, null, null, null,
					null, null, null, null, null, t.alertKey(), now, now, 0);
		}
	}

	/** The columns a new ticket is inserted with, its id and number first, then {@link #newValues}. */
	public static final String NEW_COLUMNS = """
			id, number, type, status, channel, subject, description, reporter_user_id, reporter_name,
			  reporter_contact, customer_org_unit_id, provider_party_id, service_id, service_object, configuration_item,
			  category, impact, urgency, priority, group_id, assignee_user_id, agreement_id, response_due_at,
			  resolution_due_at, alert_key, created_at, updated_at""";

	/** The values of {@link #NEW_COLUMNS} after the id and number, as parameters in that order. */
	public static List<Object> newValues(TicketRow t) {
		return Arrays.asList(t.type().name(), t.status().name(), t.channel().name(), t.subject(), t.description(),
				t.reporterUserId(), t.reporterName(), t.reporterContact(), t.customerOrgUnitId(), t.providerPartyId(),
				t.serviceId(), t.serviceObject(), t.configurationItem(), t.category(), t.impact(), t.urgency(),
				t.priority(), t.groupId(), t.assigneeUserId(), t.agreementId(), timestamp(t.responseDueAt()),
				timestamp(t.resolutionDueAt()), t.alertKey(), timestamp(t.createdAt()), timestamp(t.updatedAt()));
	}

	/** Every changeable field of a ticket, as {@code set} assignments; {@link #changes} gives their values. */
	static final String CHANGES = """
			status = ?, pending_reason = ?, subject = ?, description = ?, service_object = ?,
			  configuration_item = ?, category = ?, impact = ?, urgency = ?, priority = ?, group_id = ?,
			  assignee_user_id = ?, provider_party_id = ?, major = ?, coordinator_user_id = ?, agreement_id = ?,
			  response_due_at = ?, resolution_due_at = ?, responded_at = ?, resolved_at = ?, closed_at = ?,
			  resolution_code = ?, resolution_text = ?, alert_key = ?, updated_at = ?, version = version + 1""";

	static List<Object> changes(TicketRow t, Instant now) {
		return Arrays.asList(t.status().name(), t.pendingReason() == null ? null : t.pendingReason().name(),
				t.subject(), t.description(), t.serviceObject(), t.configurationItem(), t.category(), t.impact(),
				t.urgency(), t.priority(), t.groupId(), t.assigneeUserId(), t.providerPartyId(), t.major(),
				t.coordinatorUserId(), t.agreementId(), timestamp(t.responseDueAt()), timestamp(t.resolutionDueAt()),
				timestamp(t.respondedAt()), timestamp(t.resolvedAt()), timestamp(t.closedAt()), t.resolutionCode(),
				t.resolutionText(), t.alertKey(), timestamp(now));
	}

	/** Writes every changeable field of a ticket back, bumping its version. */
	public void update(TicketRow t, Instant now) {
		List<Object> params = new ArrayList<>(changes(t, now));
		params.add(t.id());
		jdbc.sql("update ticket set " + CHANGES + " where id = ?").params(params).update();
	}

	/**
	 * Keeps the deadline of a ticket's clock that the SLA engine declared breached, for attainment ({@link
	 * org.yunwei.ticket.internal.work.TicketStatisticsBreaches}). The first breach stays: a clock is breached once, and
	 * a repeated delivery carries the same deadline.
	 */
	public void breached(long id, ClockKind kind, Instant deadline) {
		String column = kind == ClockKind.RESPONSE ? "response_breached_at" : "resolution_breached_at";
		jdbc.sql("update ticket set " + column + " = coalesce(" + column + ", ?) where id = ?")
			.params(Timestamp.from(deadline), id)
			.update();
	}

	public static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static TicketRow row(ResultSet rs, int n) throws SQLException {
		String pending = rs.getString("pending_reason");
		return new TicketRow(rs.getLong("id"), rs.getString("number"), TicketType.valueOf(rs.getString("type")),
				TicketStatus.valueOf(rs.getString("status")), pending == null ? null : PendingReason.valueOf(pending),
				Channel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("description"),
				longOrNull(rs, "reporter_user_id"), rs.getString("reporter_name"), rs.getString("reporter_contact"),
				rs.getLong("customer_org_unit_id"), longOrNull(rs, "provider_party_id"), longOrNull(rs, "service_id"),
				rs.getString("service_object"), rs.getString("configuration_item"), rs.getString("category"),
				rs.getInt("impact"), rs.getInt("urgency"), rs.getString("priority"), longOrNull(rs, "group_id"),
				longOrNull(rs, "assignee_user_id"), rs.getBoolean("major"), longOrNull(rs, "coordinator_user_id"),
				longOrNull(rs, "agreement_id"), instant(rs, "response_due_at"), instant(rs, "resolution_due_at"),
				instant(rs, "responded_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
				rs.getString("resolution_code"), rs.getString("resolution_text"), rs.getString("alert_key"),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}
}
