package org.yunwei.ticket.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * The open incidents of one configuration item, service or customer unit, newest first, for other modules'
 * pages (a configuration item's page, a service's, a bureau's). Open tickets are a small share of all; the query
 * names the open statuses as literals so that the partial open-ticket indexes (ticket V7) serve it.
 */
@Component
class OpenIncidents {

	private final JdbcClient jdbc;

	OpenIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TicketRow> where(String column, Object value, DataScope scope, int limit) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(value);
		params.addAll(condition.parameters());
		params.add(limit);
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where " + column + " = ?"
				+ " and type = 'INCIDENT' and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING') and "
				+ condition.sql() + " order by created_at desc, id desc limit ?")
			.params(params)
			.query(TicketRecords.ROW)
			.list();
	}
}
