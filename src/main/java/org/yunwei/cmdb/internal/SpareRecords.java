package org.yunwei.cmdb.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.Actor;

/** Writes and reads {@code ci_spare_part}, {@code ci_spare_stock} and {@code ci_spare_movement}. */
@Repository
class SpareRecords {

	private static final RowMapper<SpareMovement> MOVEMENT = (rs, n) -> new SpareMovement(rs.getLong("id"),
			rs.getLong("part_id"), rs.getString("location"), rs.getString("kind"), rs.getInt("quantity"),
			rs.getObject("ticket_id", Long.class), rs.getString("ticket_number"), rs.getString("reason"),
			rs.getString("moved_by_name"), rs.getTimestamp("moved_at").toInstant());

	private final JdbcClient jdbc;

	SpareRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(SpareDrafts.PartDraft draft, String kind, int minimum, Long providerPartyId) {
		return jdbc.sql("""
				insert into ci_spare_part (name, kind, model, unit_name, minimum_stock, provider_party_id)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(draft.name(), kind, draft.model(), draft.unitName(), minimum, providerPartyId)
			.query(Long.class).single();
	}

	/**
	 * The parts a keeper holds ({@code null}: every keeper's), by name, with their stock; only those low on stock when
	 * asked.
	 */
	List<Row> parts(boolean everyKeeper, Long providerPartyId, String kind, boolean lowOnly, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder("true");
		if (!everyKeeper) {
			where.append(" and p.provider_party_id is not distinct from ?");
			params.add(providerPartyId);
		}
		if (kind != null) {
			where.append(" and p.kind = ?");
			params.add(kind);
		}
		String having = lowOnly ? " having coalesce(sum(s.quantity), 0) < p.minimum_stock" : "";
		params.add(limit);
		return jdbc.sql("select p.*, coalesce(sum(s.quantity), 0) as total from ci_spare_part p"
				+ " left join ci_spare_stock s on s.part_id = p.id where " + where + " group by p.id" + having
				+ " order by p.name, p.id limit ?")
			.params(params).query((rs, n) -> row(rs)).list();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("""
				select p.*, (select coalesce(sum(quantity), 0) from ci_spare_stock where part_id = p.id) as total
				from ci_spare_part p where p.id = ?""").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The part's stock at each location, by location. */
	Map<String, Integer> stock(long partId) {
		Map<String, Integer> stock = new LinkedHashMap<>();
		jdbc.sql("select location, quantity from ci_spare_stock where part_id = ? order by location")
			.param(partId).query((rs, n) -> stock.put(rs.getString(1), rs.getInt(2))).list();
		return stock;
	}

	/** The quantity at a location, locked until the transaction ends (a new location starts at 0). */
	int lockStock(long partId, String location) {
		jdbc.sql("""
				insert into ci_spare_stock (part_id, location, quantity) values (?, ?, 0)
				on conflict (part_id, location) do nothing""").params(partId, location).update();
		return jdbc.sql("select quantity from ci_spare_stock where part_id = ? and location = ? for update")
			.params(partId, location).query(Integer.class).single();
	}

	void setStock(long partId, String location, int quantity) {
		jdbc.sql("update ci_spare_stock set quantity = ? where part_id = ? and location = ?")
			.params(quantity, partId, location).update();
	}

	/** How many of the part went to the ticket and have not come back: what may still be returned for it. */
	int outstanding(long partId, long ticketId) {
		return jdbc.sql("""
				select coalesce(sum(case kind when 'ISSUED' then quantity else -quantity end), 0)
				from ci_spare_movement where part_id = ? and ticket_id = ? and kind in ('ISSUED', 'RETURNED')""")
			.params(partId, ticketId).query(Integer.class).single();
	}

	long move(long partId, String location, String kind, int quantity, Long ticketId, String ticketNumber,
			String reason, Actor by) {
		return jdbc.sql("""
				insert into ci_spare_movement (part_id, location, kind, quantity, ticket_id, ticket_number, reason,
				  moved_by_id, moved_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(partId, location, kind, quantity, ticketId, ticketNumber, reason, by.userId(), by.displayName())
			.query(Long.class).single();
	}

	/** The part's movements, newest first, before the movement {@code beforeId} when given; {@code limit + 1} read. */
	List<SpareMovement> movements(long partId, Long beforeId, int limit) {
		return jdbc.sql("""
				select * from ci_spare_movement where part_id = ? and (cast(? as bigint) is null or id < ?)
				order by id desc limit ?""")
			.params(partId, beforeId, beforeId, limit + 1).query(MOVEMENT).list();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("model"),
				rs.getString("unit_name"), rs.getInt("minimum_stock"), rs.getObject("provider_party_id", Long.class),
				rs.getInt("total"), created.toInstant());
	}

	/** A part as stored, with its total stock. */
	/** Marks the part as warned of low stock; false when it already was (the warning went out before). */
	boolean markLowStockWarned(long id) {
		return jdbc.sql("update ci_spare_part set low_stock_warned = true where id = ? and not low_stock_warned")
			.param(id).update() > 0;
	}

	/** Clears the mark once the stock is back at or above the minimum, so that the next fall warns again. */
	void clearLowStockWarned(long id) {
		jdbc.sql("update ci_spare_part set low_stock_warned = false where id = ? and low_stock_warned").param(id)
			.update();
	}

	record Row(long id, String name, String kind, String model, String unitName, int minimumStock,
			Long providerPartyId, int total, java.time.Instant createdAt) {
	}
}
