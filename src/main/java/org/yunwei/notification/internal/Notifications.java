package org.yunwei.notification.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table: in-app notifications, each of one user. */
@Repository
class Notifications {

	private static final String COLUMNS = "id, topic, subject, body, link, created_at, read_at, read_at is not null as read";

	private static final RowMapper<NotificationView> VIEW = (rs, n) -> new NotificationView(rs.getLong("id"),
			rs.getString("topic"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
			rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(), rs.getBoolean("read"));

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's notifications, newest first, after the given id (exclusive), {@code limit} rows at most. */
	List<NotificationView> page(long userId, boolean unreadOnly, Long beforeId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from notification where user_id = ?"
				+ (unreadOnly ? " and read_at is null" : "") + " and id < ? order by id desc limit ?")
			.params(userId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
			.query(VIEW)
			.list();
	}

	Optional<NotificationView> find(long userId, long id) {
		return jdbc.sql("select " + COLUMNS + " from notification where id = ? and user_id = ?")
			.params(id, userId)
			.query(VIEW)
			.optional();
	}

	long unreadCount(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** Marks one of the user's notifications read (the first time only); empty when it is not theirs. */
	Optional<NotificationView> markRead(long userId, long id) {
		jdbc.sql("update notification set read_at = now() where id = ? and user_id = ? and read_at is null")
			.params(id, userId)
			.update();
		return find(userId, id);
	}

	int markAllRead(long userId) {
		return jdbc.sql("update notification set read_at = now() where user_id = ? and read_at is null")
			.param(userId)
			.update();
	}
}
