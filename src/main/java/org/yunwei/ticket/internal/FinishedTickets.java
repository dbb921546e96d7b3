package org.yunwei.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.ResolvedTicketText;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * Resolved and closed tickets in id order, a page at a time, for a module that rebuilds what it keeps of them (the
 * data generator's evaluation contributor, a backfill, the knowledge base's index of resolved tickets). Unscoped:
 * for the system, never for a person's page, except {@link #visible}, which applies the reader's scope.
 */
@Component
class FinishedTickets {

	private static final String TEXTS = """
			select id, number, type, status, subject, description, resolution_text, service_id, category,
			  configuration_item, customer_org_unit_id, provider_party_id, resolved_at
			from ticket where status in ('RESOLVED', 'CLOSED')""";

	private final JdbcClient jdbc;

	FinishedTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TicketRow> after(long ticketId, int limit) {
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where id > ?"
				+ " and status in ('RESOLVED', 'CLOSED') order by id limit ?")
			.params(ticketId, limit)
			.query(TicketRecords.ROW)
			.list();
	}

	/** The texts of the finished tickets after this id, in id order: a page of a rebuild, one query. */
	List<ResolvedTicketText> textsAfter(long ticketId, int limit) {
		return jdbc.sql(TEXTS + " and id > ? order by id limit ?").params(ticketId, limit)
			.query(FinishedTickets::text).list();
	}

	/** Of these ids, the texts of those finished now (a reopened one is left out): a catch-up's batch, one query. */
	List<ResolvedTicketText> texts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(TEXTS + " and id = any(cast(? as bigint[]))").param(array(ids))
			.query(FinishedTickets::text).list();
	}

	/** How many tickets are finished now: what a rebuild will read. */
	long count() {
		return jdbc.sql("select count(*) from ticket where status in ('RESOLVED', 'CLOSED')").query(Long.class)
			.single();
	}

	/** Of these ids, those finished now and within the scope, whole: a search's hits checked in one query. */
	List<TicketRow> visible(Collection<Long> ids, DataScope scope) {
		if (ids.isEmpty()) {
			return List.of();
		}
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new java.util.ArrayList<>();
		params.add(array(ids));
		params.addAll(condition.parameters());
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where id = any(cast(? as bigint[]))"
				+ " and status in ('RESOLVED', 'CLOSED') and " + condition.sql())
			.params(params)
			.query(TicketRecords.ROW)
			.list();
	}

	private static ResolvedTicketText text(ResultSet rs, int row) throws SQLException {
		long service = rs.getLong("service_id");
		Long serviceId = rs.wasNull() ? null : service;
		long provider = rs.getLong("provider_party_id");
		Long providerPartyId = rs.wasNull() ? null : provider;
		java.sql.Timestamp resolved = rs.getTimestamp("resolved_at");
		return new ResolvedTicketText(rs.getLong("id"), rs.getString("number"),
				TicketType.valueOf(rs.getString("type")), rs.getString("status"), rs.getString("subject"),
				nonNull(rs.getString("description")), nonNull(rs.getString("resolution_text")), serviceId,
				rs.getString("category"), rs.getString("configuration_item"), rs.getLong("customer_org_unit_id"),
				providerPartyId, resolved == null ? null : resolved.toInstant());
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}
}
