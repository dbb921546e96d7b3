package org.yunwei.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The content of one audit record as the hash chain sees it: every column that a tamperer could change, in the
 * forms PostgreSQL gives back unchanged on every read ({@code occurred_at} as epoch microseconds, {@code jsonb} as
 * its normalised text).
 */
record ChainEntry(long id, long occurredAtMicros, String actor, String clientAddress, String action,
		String objectType, String objectId, String outcome, String detail, String beforeValue, String afterValue) {

	/** Columns of {@code audit_record} to select, as {@link #read} expects them. */
	static final String COLUMNS = """
			id, (extract(epoch from occurred_at) * 1000000)::bigint as occurred_micros, actor, client_address, action,
			object_type, object_id, outcome, detail, before_value::text as before_text, after_value::text as after_text""";

	private static final String VERSION = "yunwei-audit-chain-1";
	/** PostgreSQL cannot store NUL in text or jsonb, so it can never occur inside a value. */
	private static final char SEPARATOR = '\u0000';

	/**
	 * The bytes that are hashed: a version, the previous hash, the sequence and every column, separated by NUL. Each
	 * value is tagged, {@code N} for null and {@code S} before a string, so that null and "" differ and no value can
	 * pass for a separator.
	 */
	String canonicalForm(String previousHash, long chainSeq) {
		StringBuilder out = new StringBuilder(256).append(VERSION);
		for (String value : new String[] { previousHash, Long.toString(chainSeq), Long.toString(id),
				Long.toString(occurredAtMicros), actor, clientAddress, action, objectType, objectId, outcome, detail,
				beforeValue, afterValue }) {
			out.append(SEPARATOR);
			if (value == null) {
				out.append('N');
			}
			else if (value.indexOf(SEPARATOR) >= 0) {
				throw new IllegalArgumentException("An audit value cannot contain NUL");
			}
			else {
				out.append('S').append(value);
			}
		}
		return out.toString();
	}

	static ChainEntry read(ResultSet rs) throws SQLException {
		return new ChainEntry(rs.getLong("id"), rs.getLong("occurred_micros"), rs.getString("actor"),
				rs.getString("client_address"), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("outcome"), rs.getString("detail"),
				rs.getString("before_text"), rs.getString("after_text"));
	}
}
