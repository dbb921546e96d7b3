package org.yunwei.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_robot} table: the group robots and the topics and party each hears of. The webhook
 * address and the secret are read here for sending; nothing returned to a client carries them.
 */
@Repository
class Robots {

	private static final String COLUMNS = "id, name, kind, url, secret, topics, party_id, enabled, created_at, updated_at";

	private static final RowMapper<Robot> ROBOT = (rs, n) -> new Robot(rs.getLong("id"), rs.getString("name"),
			RobotKind.valueOf(rs.getString("kind")), rs.getString("url"), rs.getString("secret"),
			List.of((String[]) rs.getArray("topics").getArray()), (Long) rs.getObject("party_id", Long.class),
			rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("updated_at").toInstant());

	private final JdbcClient jdbc;

	Robots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Robot> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from notification_robot where id = ?").param(id).query(ROBOT)
			.optional();
	}

	/** Every robot, by name. */
	List<Robot> all() {
		return jdbc.sql("select " + COLUMNS + " from notification_robot order by name, id").query(ROBOT).list();
	}

	long insert(String name, RobotKind kind, String url, String secret, List<String> topics, Long partyId,
			boolean enabled) {
		return jdbc.sql("""
				insert into notification_robot (name, kind, url, secret, topics, party_id, enabled)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, kind.name(), url, secret, topicArray(topics), partyId, enabled)
			.query(Long.class)
			.single();
	}

	void update(long id, String name, RobotKind kind, String url, String secret, List<String> topics, Long partyId,
			boolean enabled) {
		jdbc.sql("""
				update notification_robot set name = ?, kind = ?, url = ?, secret = ?, topics = ?, party_id = ?,
				       enabled = ?, updated_at = now()
				where id = ?""")
			.params(name, kind.name(), url, secret, topicArray(topics), partyId, enabled, id)
			.update();
	}

	void delete(long id) {
		jdbc.sql("delete from notification_robot where id = ?").param(id).update();
	}

	boolean nameTaken(String name, Long exceptId) {
		return jdbc.sql("select count(*) from notification_robot where lower(name) = lower(?) and id <> coalesce(?, -1)")
			.params(name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	private static SqlArrayValue topicArray(List<String> topics) {
		return new SqlArrayValue("text", topics.toArray());
	}

	/**
	 * A robot as stored.
	 *
	 * @param secret the signing secret; {@code null} for none
	 * @param partyId {@code null}: hears of notices of every party
	 */
	record Robot(long id, String name, RobotKind kind, String url, String secret, List<String> topics, Long partyId,
			boolean enabled, Instant createdAt, Instant updatedAt) {

		Robot {
			topics = List.copyOf(topics);
		}

		@Override
		public String toString() {
			// the address and the secret are credentials: never in a log line
			return "Robot[id=" + id + ", name=" + name + ", kind=" + kind + ", topics=" + topics + "]";
		}

		/** The webhook address with its credential hidden: scheme, host and the last four characters. */
		String maskedUrl() {
			return mask(url);
		}

		static String mask(String url) {
			try {
				java.net.URI uri = java.net.URI.create(url);
				String tail = url.length() > 8 ? url.substring(url.length() - 4) : "";
				return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…"
						+ tail;
			}
			catch (IllegalArgumentException unreadable) {
				return "…";
			}
		}
	}
}
