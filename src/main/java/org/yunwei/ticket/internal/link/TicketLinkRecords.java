package org.yunwei.ticket.internal.link;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketStatus;

/** The {@code ticket_link} table. A pair of tickets has at most one link of each kind, in one direction. */
@Repository
public class TicketLinkRecords {

	private final JdbcClient jdbc;

	TicketLinkRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long ticketId, long otherTicketId, LinkKind kind) {
		jdbc.sql("insert into ticket_link (ticket_id, other_ticket_id, kind) values (?, ?, ?)")
			.params(ticketId, otherTicketId, kind.name())
			.update();
	}

	/** Removes the link of this kind between the two, whichever way it was made; how many rows went. */
	int delete(long a, long b, LinkKind kind) {
		return jdbc.sql("""
				delete from ticket_link where kind = ?
				  and (ticket_id = ? and other_ticket_id = ? or ticket_id = ? and other_ticket_id = ?)""")
			.params(kind.name(), a, b, b, a)
			.update();
	}

	boolean exists(long a, long b, LinkKind kind) {
		return jdbc.sql("""
				select exists (select 1 from ticket_link where kind = ?
				  and (ticket_id = ? and other_ticket_id = ? or ticket_id = ? and other_ticket_id = ?))""")
			.params(kind.name(), a, b, b, a)
			.query(Boolean.class)
			.single();
	}

	/** Whether {@code ticketId} lies below {@code ancestorId} in the tree of PARENT_OF links. */
	boolean isDescendant(long ticketId, long ancestorId) {
		return jdbc.sql("""
				with recursive below (id) as (
				  select other_ticket_id from ticket_link where ticket_id = ? and kind = 'PARENT_OF'
				  union
				  select l.other_ticket_id from ticket_link l join below b on l.ticket_id = b.id
				  where l.kind = 'PARENT_OF')
				select exists (select 1 from below where id = ?)""")
			.params(ancestorId, ticketId)
			.query(Boolean.class)
			.single();
	}

	/** The links of a ticket to the tickets the scope includes, made from it first, then those made to it. */
	public List<TicketLinkView> of(long ticketId, DataScope scope) {
		DataScope.Condition condition = scope.where("o.provider_party_id", "o.customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(ticketId);
		params.addAll(condition.parameters());
		params.add(ticketId);
		params.addAll(condition.parameters());
		return jdbc.sql("""
				select * from (
				  select l.kind, true as outgoing, o.id, o.number, o.subject, o.status, l.created_at
				  from ticket_link l join ticket o on o.id = l.other_ticket_id where l.ticket_id = ? and %1$s
				  union all
				  select l.kind, false, o.id, o.number, o.subject, o.status, l.created_at
				  from ticket_link l join ticket o on o.id = l.ticket_id where l.other_ticket_id = ? and %1$s) links
				order by outgoing desc, created_at, id""".formatted(condition.sql()))
			.params(params)
			.query((rs, n) -> TicketLinkView.of(LinkKind.valueOf(rs.getString("kind")), rs.getBoolean("outgoing"),
					rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
					TicketStatus.valueOf(rs.getString("status")), TicketRecords.instant(rs, "created_at")))
			.list();
	}
}
