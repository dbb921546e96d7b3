package org.yunwei.change.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code change_freeze_window}; a removed window is kept, marked, and read no more. */
@Repository
class FreezeWindowRecords {

	private static final String COLUMNS = "id, name, reason, starts_at, ends_at, created_by, created_at";
	private static final RowMapper<FreezeWindow> ROW = (rs, n) -> new FreezeWindow(rs.getLong("id"),
			rs.getString("name"), rs.getString("reason"), ChangeRecords.instant(rs, "starts_at"),
			ChangeRecords.instant(rs, "ends_at"), rs.getLong("created_by"), ChangeRecords.instant(rs, "created_at"));

	private final JdbcClient jdbc;

	FreezeWindowRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, String reason, Instant start, Instant end, long createdBy) {
		return jdbc.sql("""
				insert into change_freeze_window (name, reason, starts_at, ends_at, created_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(name, reason, Timestamp.from(start), Timestamp.from(end), createdBy).query(Long.class).single();
	}

	Optional<FreezeWindow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from change_freeze_window where id = ? and removed_at is null")
			.param(id).query(ROW).optional();
	}

	/** The live windows that overlap the period, by start. */
	List<FreezeWindow> overlapping(Instant from, Instant to) {
		if (from == null || to == null) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + """
				 from change_freeze_window where removed_at is null and starts_at < ? and ends_at > ?
				order by starts_at, id""")
			.params(Timestamp.from(to), Timestamp.from(from)).query(ROW).list();
	}

	void remove(long id) {
		jdbc.sql("update change_freeze_window set removed_at = now() where id = ? and removed_at is null").param(id)
			.update();
	}
}
