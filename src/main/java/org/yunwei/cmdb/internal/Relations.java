package org.yunwei.cmdb.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code ci_relation}. A removal keeps the row, so that the graph of a past moment is known. */
@Repository
class Relations {

	private static final String SELECT = """
			select r.*, s.name as source_name, sc.code as source_class, t.name as target_name, tc.code as target_class
			from ci_relation r
			join configuration_item s on s.id = r.source_id join ci_class sc on sc.id = s.class_id
			join configuration_item t on t.id = r.target_id join ci_class tc on tc.id = t.class_id""";

	private static final RowMapper<Relation> RELATION = (rs, n) -> new Relation(rs.getLong("id"),
			rs.getLong("source_id"), rs.getString("source_name"), rs.getString("source_class"), rs.getLong("target_id"),
			rs.getString("target_name"), rs.getString("target_class"), RelationType.valueOf(rs.getString("type")),
			rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
			rs.getTimestamp("removed_at") == null ? null : rs.getTimestamp("removed_at").toInstant());

	private final JdbcClient jdbc;

	Relations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The relations of an item that hold now, or that held at {@code moment} when given. */
	List<Relation> of(long itemId, Instant moment) {
		if (moment == null) {
			return jdbc.sql(SELECT + " where (r.source_id = ? or r.target_id = ?) and r.removed_at is null"
					+ " order by r.type, r.id").params(itemId, itemId).query(RELATION).list();
		}
		Timestamp at = Timestamp.from(moment);
		return jdbc.sql(SELECT + " where (r.source_id = ? or r.target_id = ?) and r.created_at <= ?"
				+ " and (r.removed_at is null or r.removed_at > ?) order by r.type, r.id")
			.params(itemId, itemId, at, at).query(RELATION).list();
	}

	Optional<Relation> find(long id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query(RELATION).optional();
	}

	boolean exists(long sourceId, long targetId, RelationType type) {
		return jdbc.sql("""
				select count(*) from ci_relation where source_id = ? and target_id = ? and type = ? and removed_at is null""")
			.params(sourceId, targetId, type.name()).query(Long.class).single() > 0;
	}

	long insert(long sourceId, long targetId, RelationType type, String note, String by) {
		return jdbc.sql("""
				insert into ci_relation (source_id, target_id, type, note, created_by_name) values (?, ?, ?, ?, ?)
				returning id""")
			.params(sourceId, targetId, type.name(), note, by).query(Long.class).single();
	}

	void remove(long id, String by) {
		jdbc.sql("update ci_relation set removed_at = now(), removed_by_name = ? where id = ? and removed_at is null")
			.params(by, id).update();
	}
}
