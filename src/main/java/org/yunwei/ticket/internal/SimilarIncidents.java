package org.yunwei.ticket.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.internal.record.TicketRecords;

/**
 * Resolved and closed incidents whose subject resembles a text, for suggestions while a ticket is written (日常问题查询库):
 * the subjects' grams index (ticket V11) finds those sharing a two-character piece with the text, and they rank by
 * how many of the text's pieces they share, then the newest first. At most {@link #CANDIDATES} candidates are ranked,
 * the newest, so that a common piece (无法) does not make one keystroke rank the whole table.
 */
@Component
public class SimilarIncidents {

	static final int CANDIDATES = 2_000;

	private final JdbcClient jdbc;

	SimilarIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<TicketReference> like(String text, DataScope scope, int limit) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(text);
		params.addAll(condition.parameters());
		params.add(CANDIDATES);
		params.add(text);
		params.add(limit);
		// the same function as the index's expression (V11), so that PostgreSQL matches the two
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where id in ("
				+ " select id from ticket where ticket_text_grams(subject) && ticket_text_bigrams(?)"
				+ " and type = 'INCIDENT' and status in ('RESOLVED', 'CLOSED') and " + condition.sql()
				+ " order by id desc limit ?)"
				+ " order by (select count(distinct g) from unnest(ticket_text_bigrams(subject)) g"
				+ " where g = any(ticket_text_bigrams(?))) desc, id desc limit ?")
			.params(params)
			.query(TicketRecords.ROW)
			.list()
			.stream()
			.map(TicketFacade::reference)
			.toList();
	}
}
