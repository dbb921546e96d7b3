package org.yunwei.ticket.internal.filter;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.internal.record.TicketRecords;

/** The {@code ticket_saved_filter} table. */
@Repository
class SavedFilterRecords {

	private static final String COLUMNS = "id, user_id, party_id, name, query, shared, created_at, updated_at";

	private final JdbcClient jdbc;

	SavedFilterRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored filter with the party it is shared with. */
	record Row(long id, long userId, Long partyId, String name, String query, boolean shared,
			java.time.Instant createdAt, java.time.Instant updatedAt) {

		SavedFilter as(long viewerId) {
			return new SavedFilter(id, userId, name, query, shared, userId == viewerId, createdAt, updatedAt);
		}
	}

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("user_id"),
			(Long) rs.getObject("party_id"), rs.getString("name"), rs.getString("query"), rs.getBoolean("shared"),
			TicketRecords.instant(rs, "created_at"), TicketRecords.instant(rs, "updated_at"));

	long insert(long userId, long partyId, String name, String query, boolean shared) {
		return jdbc.sql("""
				insert into ticket_saved_filter (user_id, party_id, name, query, shared) values (?, ?, ?, ?, ?)
				returning id""")
			.params(userId, partyId, name, query, shared)
			.query(Long.class)
			.single();
	}

	void update(long id, String name, String query, boolean shared) {
		jdbc.sql("update ticket_saved_filter set name = ?, query = ?, shared = ?, updated_at = now() where id = ?")
			.params(name, query, shared, id)
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from ticket_saved_filter where id = ?").param(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from ticket_saved_filter where id = ?").param(id).query(ROW).optional();
	}

	/** A person's own filters, then those shared in their party, each by name. */
	List<Row> visibleTo(long userId, long partyId) {
		return jdbc.sql("select " + COLUMNS + """
				 from ticket_saved_filter where user_id = ? or shared and party_id = ?
				order by user_id <> ?, lower(name), id""")
			.params(userId, partyId, userId)
			.query(ROW)
			.list();
	}

	int countOf(long userId) {
		return jdbc.sql("select count(*) from ticket_saved_filter where user_id = ?").param(userId)
			.query(Integer.class).single();
	}

	boolean nameTaken(long userId, String name, Long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from ticket_saved_filter where user_id = ? and lower(name) = lower(?)
				  and id <> coalesce(?, -1))""")
			.params(userId, name, exceptId)
			.query(Boolean.class)
			.single();
	}
}
