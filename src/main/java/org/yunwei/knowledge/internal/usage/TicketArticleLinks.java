package org.yunwei.knowledge.internal.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code knowledge_ticket_link}: the only class that writes it. */
@Repository
class TicketArticleLinks {

	private final JdbcClient jdbc;

	TicketArticleLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An article linked to a ticket; {@code solved} is {@code null} until the agent says. */
	record Link(long id, long ticketId, long articleId, String title, Boolean solved, long linkedBy, Instant linkedAt) {
	}

	/** Links the article; {@code false} when it was linked already. */
	boolean insert(long ticketId, long articleId, long userId) {
		return jdbc.sql("""
				insert into knowledge_ticket_link (ticket_id, article_id, linked_by) values (?, ?, ?)
				on conflict on constraint knowledge_ticket_link_once do nothing""")
			.params(ticketId, articleId, userId).update() == 1;
	}

	Optional<Link> find(long ticketId, long articleId) {
		return jdbc.sql(SELECT + " where l.ticket_id = ? and l.article_id = ? for update of l")
			.params(ticketId, articleId).query((rs, n) -> link(rs)).optional();
	}

	void mark(long linkId, boolean solved, long userId) {
		jdbc.sql("update knowledge_ticket_link set solved = ?, marked_by = ?, marked_at = now() where id = ?")
			.params(solved, userId, linkId).update();
	}

	/** A ticket's links, the first linked first, with the article's title now. */
	List<Link> of(long ticketId) {
		return jdbc.sql(SELECT + " where l.ticket_id = ? order by l.linked_at, l.id").param(ticketId)
			.query((rs, n) -> link(rs)).list();
	}

	/** How often an article was linked and how often it solved the problem. */
	Usage usage(long articleId) {
		return jdbc.sql("""
				select count(*), count(*) filter (where solved), count(*) filter (where not solved)
				from knowledge_ticket_link where article_id = ?""").param(articleId)
			.query((rs, n) -> new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	private static final String SELECT = """
			select l.id, l.ticket_id, l.article_id, coalesce(v.title, a.title) as title, l.solved, l.linked_by,
			    l.linked_at
			from knowledge_ticket_link l join knowledge_article a on a.id = l.article_id
			left join knowledge_article_version v on v.id = a.published_version_id""";

	private static Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp at = rs.getTimestamp("linked_at");
		return new Link(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("article_id"), rs.getString("title"),
				rs.getObject("solved", Boolean.class), rs.getLong("linked_by"), at.toInstant());
	}
}
