package org.yunwei.knowledge.internal.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code knowledge_ticket_change} and its counter: what the index of resolved tickets must follow, as
 * {@link KnowledgeChangeLog} is for articles. A change is written by the listener of the service desk's events in the
 * transaction that completes the event's publication: the ticket was resolved, closed or reopened.
 */
@Repository
class ResolvedTicketChangeLog extends IndexChangeLog {

	ResolvedTicketChangeLog(JdbcClient jdbc) {
		super(jdbc, "knowledge_ticket_change", "ticket_id");
	}
}
