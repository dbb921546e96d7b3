package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code emergency_event_entry}, an event's timeline: append-only, the only class that writes it. Entries
 * read in the order they were recorded (time, then id: two entries of one microsecond keep their order).
 */
@Repository
public class EmergencyTimeline {

	private final JdbcClient jdbc;

	EmergencyTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an entry records. */
	public enum Kind {
		DECLARED, STEP_DONE, ACTION, ESCALATED, CLOSED
	}

	/** One entry: when, who, what. */
	public record Entry(long id, long eventId, Instant at, long actorId, Kind kind, ResponsePhase phase, Long stepId,
			String text) {
	}

	long append(long eventId, Instant at, long actorId, Kind kind, ResponsePhase phase, Long stepId, String text) {
		return jdbc.sql("""
				insert into emergency_event_entry (event_id, at, actor_id, kind, phase, step_id, text)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(eventId, Timestamp.from(at), actorId, kind.name(), phase == null ? null : phase.name(), stepId,
					text)
			.query(Long.class).single();
	}

	/** The entries after the given one (all for 0), in order. */
	List<Entry> after(long eventId, long afterId) {
		return jdbc.sql("""
				select id, event_id, at, actor_id, kind, phase, step_id, text from emergency_event_entry
				where event_id = ? and id > ? order by at, id""")
			.params(eventId, afterId).query((rs, n) -> entry(rs)).list();
	}

	long last(long eventId) {
		return jdbc.sql("select coalesce(max(id), 0) from emergency_event_entry where event_id = ?").param(eventId)
			.query(Long.class).single();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		String phase = rs.getString("phase");
		return new Entry(rs.getLong("id"), rs.getLong("event_id"), rs.getTimestamp("at").toInstant(),
				rs.getLong("actor_id"), Kind.valueOf(rs.getString("kind")),
				phase == null ? null : ResponsePhase.valueOf(phase), rs.getObject("step_id", Long.class),
				rs.getString("text"));
	}
}
