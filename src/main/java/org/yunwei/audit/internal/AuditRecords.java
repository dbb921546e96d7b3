package org.yunwei.audit.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunwei.audit.AuditEntry;
import org.yunwei.web.KeysetPage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code audit_record} table. Appending is a plain insert: the chain fields stay empty until the sealer sets them.
 * Reading is by keyset, newest first, so that the first page stays fast at millions of records.
 */
@Repository
public class AuditRecords {

	private static final String SELECT = """
			select id, occurred_at, actor, client_address, action, object_type, object_id, outcome, detail,
			       before_value::text as before_text, after_value::text as after_text, chain_seq, hash
			from audit_record""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	AuditRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	public boolean contains(String action, String objectType, String objectId) {
		return jdbc.sql("""
				select exists (select 1 from audit_record where action = ? and object_type = ? and object_id = ?)""")
			.params(action, objectType, objectId)
			.query(Boolean.class)
			.single();
	}

	public void append(AuditEntry entry) {
		append(entry, clock.instant());
	}

	/** Appends with a given time: for records carried over from elsewhere, and for tests of old records. */
	void append(AuditEntry entry, Instant occurredAt) {
		jdbc.sql("""
				insert into audit_record (occurred_at, actor, client_address, action, object_type, object_id, outcome,
				                          detail, before_value, after_value)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
				""")
			.params(Timestamp.from(occurredAt.truncatedTo(ChronoUnit.MICROS)), actorOf(entry), clientAddress(),
					entry.action(), entry.objectType(), entry.objectId(), entry.outcome().name(), entry.detail(),
					toJson(entry.before()), toJson(entry.after()))
			.update();
	}

	/** One page of the records that match, newest first. */
	KeysetPage<AuditRecordView> page(AuditQuery query) {
		return KeysetPage.of(read(query, query.afterId(), query.limit() + 1), query.limit(),
				record -> AuditQuery.cursorAfter(record.id()));
	}

	/**
	 * Up to {@code limit} matching records, newest first, after the record {@code afterId} ({@code null}: from the
	 * newest). Long exports read batch by batch this way.
	 */
	List<AuditRecordView> read(AuditQuery query, Long afterId, int limit) {
		List<String> conditions = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		condition(conditions, parameters, "actor = ?", query.actor());
		condition(conditions, parameters, "action = ?", query.action());
		condition(conditions, parameters, "object_type = ?", query.objectType());
		condition(conditions, parameters, "object_id = ?", query.objectId());
		condition(conditions, parameters, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
		condition(conditions, parameters, "occurred_at >= ?",
				query.from() == null ? null : Timestamp.from(query.from()));
		condition(conditions, parameters, "occurred_at < ?",
				query.toExclusive() == null ? null : Timestamp.from(query.toExclusive()));
		condition(conditions, parameters, "id < ?", afterId);
		parameters.add(limit);
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc.sql(SELECT + where + " order by id desc limit ?").params(parameters).query(this::view).list();
	}

	Optional<AuditRecordView> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::view).optional();
	}

	private static void condition(List<String> conditions, List<Object> parameters, String sql, Object value) {
		if (value != null) {
			conditions.add(sql);
			parameters.add(value);
		}
	}

	private AuditRecordView view(ResultSet rs, int row) throws SQLException {
		return new AuditRecordView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.getString("client_address"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
				rs.getString("detail"), fromJson(rs.getString("before_text")), fromJson(rs.getString("after_text")),
				rs.getObject("chain_seq", Long.class), rs.getString("hash"));
	}

	private JsonNode fromJson(String text) {
		return text == null ? null : json.readTree(text);
	}

	private String toJson(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private static String actorOf(AuditEntry entry) {
		if (entry.actor() != null) {
			return entry.actor();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication.getName();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
