package org.yunwei.knowledge.internal.search;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code knowledge_ticket_change} and its counter: what the index of resolved tickets must follow, as
 * {@link KnowledgeChangeLog} is for articles. A change is written by the listener of the service desk's events in the
 * transaction that completes the event's publication; its number comes from a counter row that transaction keeps
 * locked until it commits, so numbers become visible in order and without gaps.
 */
@Repository
class ResolvedTicketChangeLog {

	private final JdbcClient jdbc;

	ResolvedTicketChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A change to apply: the ticket is to be read again. */
	record Change(long seq, long ticketId) {
	}

	/** Records that the ticket was resolved, closed or reopened; call inside the writing transaction. */
	long record(long ticketId) {
		long seq = jdbc.sql("update knowledge_ticket_change_counter set last = last + 1 where id = 1 returning last")
			.query(Long.class).single();
		jdbc.sql("insert into knowledge_ticket_change (seq, ticket_id) values (?, ?)").params(seq, ticketId).update();
		return seq;
	}

	/** The changes after {@code applied}, oldest first, at most {@code limit}. */
	List<Change> after(long applied, int limit) {
		return jdbc.sql("select seq, ticket_id from knowledge_ticket_change where seq > ? order by seq limit ?")
			.params(applied, limit).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2))).list();
	}

	String epoch() {
		return jdbc.sql("select epoch from knowledge_ticket_change_counter where id = 1").query(String.class).single();
	}

	/** The last change committed. */
	long last() {
		return jdbc.sql("select coalesce(max(seq), 0) from knowledge_ticket_change").query(Long.class).single();
	}
}
