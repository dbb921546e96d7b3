package org.yunwei.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The {@code notification_outbox} table: each e-mail and robot message still to be sent, or sent, or given up, with
 * its tries. A sender claims due rows for a while (a lease) so that another node does not send them at the same
 * time; a row whose sender died becomes due again when the lease ends.
 */
@Repository
class Outbox {

	enum Channel {
		EMAIL, ROBOT
	}

	enum Status {
		PENDING, HELD, SENT, FAILED
	}

	private static final String VIEW_COLUMNS = """
			o.id, o.channel, o.recipient, o.robot_id, r.name as robot_name, o.topic, o.subject, o.status, o.attempts,
			o.last_error, o.last_attempt_at, o.next_attempt_at, o.sent_at, o.created_at""";

	private static final RowMapper<OutboxView> VIEW = (rs, n) -> new OutboxView(rs.getLong("id"),
			Channel.valueOf(rs.getString("channel")),
			rs.getString("channel").equals("ROBOT") ? rs.getString("robot_name") : rs.getString("recipient"),
			(Long) rs.getObject("robot_id", Long.class), rs.getString("topic"), rs.getString("subject"),
			Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
			instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("next_attempt_at")),
			instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("created_at")));

	private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"),
			Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
			(Long) rs.getObject("robot_id", Long.class), rs.getString("topic"), rs.getString("subject"),
			rs.getString("body"), rs.getString("link"), rs.getInt("attempts"));

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code limit} due rows for {@code lease}, counting the try: no other sender takes them meanwhile.
	 *
	 * @param withEmail whether e-mail is claimed too (not while no mail server is configured)
	 */
	List<Item> claimDue(int limit, boolean withEmail, Duration lease) {
		return jdbc.sql("""
				update notification_outbox o
				set attempts = o.attempts + 1, last_attempt_at = now(),
				    next_attempt_at = now() + make_interval(secs => ?)
				from (select id from notification_outbox
				      where status = 'PENDING' and next_attempt_at <= now() and (channel = 'ROBOT' or ?)
				      order by next_attempt_at, id limit ? for update skip locked) due
				where o.id = due.id
				returning o.id, o.channel, o.recipient, o.robot_id, o.topic, o.subject, o.body, o.link, o.attempts""")
			.params(lease.toSeconds(), withEmail, limit)
			.query(ITEM)
			.list();
	}

	void sent(long id) {
		jdbc.sql("update notification_outbox set status = 'SENT', sent_at = now(), last_error = null where id = ?")
			.param(id)
			.update();
	}

	/**
	 * Records a failed try: the row is due again after {@code retryIn}, or given up ({@code FAILED}) when that is
	 * {@code null}.
	 */
	void failed(long id, String error, Duration retryIn) {
		if (retryIn == null) {
			jdbc.sql("update notification_outbox set status = 'FAILED', last_error = ? where id = ? and status = 'PENDING'")
				.params(error, id)
				.update();
		}
		else {
			jdbc.sql("""
					update notification_outbox set last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
					where id = ? and status = 'PENDING'""")
				.params(error, retryIn.toMillis() / 1000.0, id)
				.update();
		}
	}

	/** Sets the e-mail that is due aside while no mail server is configured. */
	int holdEmail() {
		return jdbc.sql("update notification_outbox set status = 'HELD' where status = 'PENDING' and channel = 'EMAIL'")
			.update();
	}

	/** Makes the e-mail set aside due again, now that a mail server is configured. */
	int releaseEmail() {
		return jdbc.sql("update notification_outbox set status = 'PENDING', next_attempt_at = now() where status = 'HELD'")
			.update();
	}

	/** Makes a row due now, with its tries counted afresh; false when it was already sent. */
	boolean retry(long id) {
		return jdbc.sql("""
				update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now()
				where id = ? and status <> 'SENT'""")
			.param(id)
			.update() == 1;
	}

	/** The row as an administrator sees it, when it lies in the scope. */
	Optional<OutboxView> find(long id, DataScope scope) {
		Scoped where = scoped(scope);
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.add(0, id);
		return jdbc.sql("select " + VIEW_COLUMNS + " from notification_outbox o left join notification_robot r "
				+ "on r.id = o.robot_id where o.id = ? and " + where.sql())
			.params(parameters)
			.query(VIEW)
			.optional();
	}

	/** Rows in the scope, newest first, after the given id (exclusive); all statuses when {@code status} is null. */
	List<OutboxView> page(Status status, Long beforeId, int limit, DataScope scope) {
		Scoped where = scoped(scope);
		List<Object> parameters = new ArrayList<>();
		parameters.add(beforeId == null ? Long.MAX_VALUE : beforeId);
		if (status != null) {
			parameters.add(status.name());
		}
		parameters.addAll(where.parameters());
		parameters.add(limit);
		return jdbc.sql("select " + VIEW_COLUMNS + " from notification_outbox o left join notification_robot r "
				+ "on r.id = o.robot_id where o.id < ?" + (status == null ? "" : " and o.status = ?") + " and "
				+ where.sql() + " order by o.id desc limit ?")
			.params(parameters)
			.query(VIEW)
			.list();
	}

	/** How many rows of the scope are in each status. */
	Map<Status, Long> counts(DataScope scope) {
		Scoped where = scoped(scope);
		Map<Status, Long> counts = new LinkedHashMap<>();
		for (Status status : Status.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select o.status, count(*) as n from notification_outbox o where " + where.sql() + " group by o.status")
			.params(where.parameters())
			.query((rs, n) -> counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Management and supervision see every row; anyone else the rows of notices of their own party only (a
	 * notice's e-mail names its recipients).
	 */
	private static Scoped scoped(DataScope scope) {
		return switch (scope.partyKind()) {
			case MANAGEMENT, SUPERVISION -> new Scoped("true", List.of());
			case PROVIDER, CUSTOMER -> new Scoped("o.party_id = ?", List.of(scope.partyId()));
		};
	}

	private record Scoped(String sql, List<Object> parameters) {
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A claimed row, to be sent. */
	record Item(long id, Channel channel, String recipient, Long robotId, String topic, String subject, String body,
			String link, int attempts) {
	}
}
