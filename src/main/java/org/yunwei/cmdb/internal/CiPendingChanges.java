package org.yunwei.cmdb.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.Actor;

import tools.jackson.core.type.TypeReference;

/** Writes and reads {@code ci_pending_change}: the edits that wait for, or received, their review. */
@Repository
class CiPendingChanges {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> PROPOSAL = new TypeReference<>() {
	};

	private static final RowMapper<CiPendingChange> ROW = (rs, n) -> {
		Timestamp decided = rs.getTimestamp("decided_at");
		String fields = rs.getString("fields");
		String proposal = rs.getString("proposal");
		return new CiPendingChange(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("base_version"),
				fields == null ? null : ConfigurationItemRecords.JSON.readValue(fields, ItemFields.class),
				ConfigurationItemRecords.JSON.readValue(rs.getString("changes"), CHANGES), rs.getString("reason"),
				rs.getString("content_hash"), rs.getObject("requested_by_id", Long.class),
				rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(),
				rs.getObject("approval_request_id", Long.class), rs.getString("state"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_reason"), rs.getString("kind"),
				proposal == null ? null : ConfigurationItemRecords.JSON.readValue(proposal, PROPOSAL));
	};

	private final JdbcClient jdbc;

	CiPendingChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The hash an approval holds for: the item, the version the edit was made against, and the fields it sets. */
	static String hash(long itemId, int baseVersion, ItemFields fields) {
		return digest(itemId + ":" + baseVersion + ":" + ConfigurationItemRecords.JSON.writeValueAsString(fields));
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

	/**
	 * The hash of a change other than a field edit: the item, the version it was asked against, the kind and what it
	 * proposes.
	 */
	static String hash(long itemId, int baseVersion, String kind, Map<String, Object> proposal) {
		return digest(itemId + ":" + baseVersion + ":" + kind + ":"
				+ ConfigurationItemRecords.JSON.writeValueAsString(new java.util.TreeMap<>(proposal)));
	}

	long insert(long itemId, int baseVersion, ItemFields fields, List<FieldChange> changes, String reason,
			String hash, Actor requester) {
		return insert(itemId, baseVersion, "FIELDS", fields, null, changes, reason, hash, requester);
	}

	long insert(long itemId, int baseVersion, String kind, ItemFields fields, Map<String, Object> proposal,
			List<FieldChange> changes, String reason, String hash, Actor requester) {
		return jdbc.sql("""
				insert into ci_pending_change (item_id, base_version, kind, fields, proposal, changes, reason,
				  content_hash, requested_by_id, requested_by_name)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?) returning id""")
			.params(itemId, baseVersion, kind,
					fields == null ? null : ConfigurationItemRecords.JSON.writeValueAsString(fields),
					proposal == null ? null : ConfigurationItemRecords.JSON.writeValueAsString(proposal),
					ConfigurationItemRecords.JSON.writeValueAsString(changes), reason, hash, requester.userId(),
					requester.displayName())
			.query(Long.class).single();
	}

	void requested(long id, long approvalRequestId) {
		jdbc.sql("update ci_pending_change set approval_request_id = ? where id = ?").params(approvalRequestId, id)
			.update();
	}

	/** Ends a waiting change; a change that no longer waits stays as it ended. */
	boolean decide(long id, String state, Instant at, String reason) {
		return jdbc.sql("""
				update ci_pending_change set state = ?, decided_at = ?, decision_reason = ?
				where id = ? and state = 'PENDING'""")
			.params(state, Timestamp.from(at), reason, id).update() > 0;
	}

	Optional<CiPendingChange> find(long id) {
		return jdbc.sql("select * from ci_pending_change where id = ?").param(id).query(ROW).optional();
	}

	/** The change of the item that waits for its review, if any. */
	Optional<CiPendingChange> waitingOf(long itemId) {
		return jdbc.sql("select * from ci_pending_change where item_id = ? and state = 'PENDING'").param(itemId)
			.query(ROW).optional();
	}

	/** The item's reviews, newest first. */
	List<CiPendingChange> of(long itemId, int limit) {
		return jdbc.sql("select * from ci_pending_change where item_id = ? order by id desc limit ?")
			.params(itemId, limit).query(ROW).list();
	}
}
