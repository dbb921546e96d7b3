package org.yunwei.cmdb.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.Actor;

import tools.jackson.core.type.TypeReference;

/** Writes and reads {@code ci_change}: appended to, never changed. */
@Repository
class ItemChanges {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final RowMapper<ItemChange> CHANGE = (rs, n) -> new ItemChange(rs.getLong("id"),
			rs.getLong("item_id"), rs.getInt("version"), rs.getString("kind"),
			rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by_name"), rs.getString("reason"),
			ConfigurationItemRecords.JSON.readValue(rs.getString("changes"), CHANGES),
			ConfigurationItemRecords.JSON.readValue(rs.getString("snapshot"), MAP));

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;

	ItemChanges(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	void append(long itemId, int version, String kind, Actor actor, String reason, List<FieldChange> changes,
			Map<String, Object> snapshot) {
		append(itemId, version, kind, actor.userId(), actor.displayName(), reason, changes, snapshot);
	}

	/** An entry written for a person other than the one signed in: a reviewed change, for its requester. */
	void append(long itemId, int version, String kind, Long byId, String byName, String reason,
			List<FieldChange> changes, Map<String, Object> snapshot) {
		jdbc.sql("""
				insert into ci_change (item_id, version, kind, changed_by_id, changed_by_name, reason, changes, snapshot)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(itemId, version, kind, byId, byName, reason,
					ConfigurationItemRecords.JSON.writeValueAsString(changes),
					ConfigurationItemRecords.JSON.writeValueAsString(snapshot))
			.update();
	}

	/** Appends the first entry of many new items at once (an import): item id, kind, changes, snapshot. */
	void appendAll(List<Long> itemIds, String kind, Actor actor, String reason, List<List<FieldChange>> changes,
			List<Map<String, Object>> snapshots) {
		List<Object[]> rows = new java.util.ArrayList<>(itemIds.size());
		for (int i = 0; i < itemIds.size(); i++) {
			rows.add(new Object[] { itemIds.get(i), 1, kind, actor.userId(), actor.displayName(), reason,
					ConfigurationItemRecords.JSON.writeValueAsString(changes.get(i)),
					ConfigurationItemRecords.JSON.writeValueAsString(snapshots.get(i)) });
		}
		batches.batchUpdate("""
				insert into ci_change (item_id, version, kind, changed_by_id, changed_by_name, reason, changes, snapshot)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""", rows);
	}

	/** The item's history, newest first, after the entry {@code beforeId} when given; {@code limit + 1} read. */
	List<ItemChange> of(long itemId, Long beforeId, int limit) {
		return jdbc.sql("""
				select * from ci_change where item_id = ? and (cast(? as bigint) is null or id < ?)
				order by id desc limit ?""")
			.params(itemId, beforeId, beforeId, limit + 1)
			.query(CHANGE).list();
	}

	/** The last change at or before the moment: the item as it was then; empty when it did not exist yet. */
	Optional<ItemChange> asOf(long itemId, Instant moment) {
		return jdbc.sql("""
				select * from ci_change where item_id = ? and changed_at <= ? order by changed_at desc, id desc limit 1""")
			.params(itemId, Timestamp.from(moment)).query(CHANGE).optional();
	}

	/** The changes recorded in a period, for the evidence of change records; scoped by the caller. */
	long countBetween(Instant from, Instant to) {
		return jdbc.sql("select count(*) from ci_change where changed_at >= ? and changed_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}
}
