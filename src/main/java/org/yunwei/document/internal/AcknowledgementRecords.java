package org.yunwei.document.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.document.DocumentToRead;

/** The {@code document_reader} and {@code document_acknowledgement} tables. */
@Repository
class AcknowledgementRecords {

	private final JdbcClient jdbc;

	AcknowledgementRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person asked to confirm a version, and whether and when they did. */
	record Asked(long userId, Instant askedAt, Instant acknowledgedAt, Instant remindedAt) {
	}

	void replaceReaders(long versionId, ReadersDraft readers) {
		jdbc.sql("delete from document_reader where version_id = ?").param(versionId).update();
		for (Long user : readers.userIds()) {
			jdbc.sql("insert into document_reader (version_id, user_id) values (?, ?)").params(versionId, user).update();
		}
		for (String role : readers.roleCodes()) {
			jdbc.sql("insert into document_reader (version_id, role_code) values (?, ?)").params(versionId, role).update();
		}
		for (Long unit : readers.orgUnitIds()) {
			jdbc.sql("insert into document_reader (version_id, org_unit_id) values (?, ?)").params(versionId, unit)
				.update();
		}
	}

	ReadersDraft readers(long versionId) {
		record Line(Long user, String role, Long unit) {
		}
		List<Line> lines = jdbc.sql("select user_id, role_code, org_unit_id from document_reader where version_id = ?")
			.param(versionId)
			.query((rs, n) -> new Line(rs.getObject("user_id", Long.class), rs.getString("role_code"),
					rs.getObject("org_unit_id", Long.class)))
			.list();
		return new ReadersDraft(lines.stream().filter(l -> l.user() != null).map(Line::user).sorted().toList(),
				lines.stream().filter(l -> l.role() != null).map(Line::role).sorted().toList(),
				lines.stream().filter(l -> l.unit() != null).map(Line::unit).sorted().toList());
	}

	/** Asks these people; those asked before stay as they were. How many were newly asked. */
	int ask(long versionId, Collection<Long> userIds) {
		int added = 0;
		for (Long user : userIds) {
			added += jdbc.sql("insert into document_acknowledgement (version_id, user_id) values (?, ?)"
					+ " on conflict do nothing")
				.params(versionId, user)
				.update();
		}
		return added;
	}

	/** Records the confirmation; a second one keeps the first time. Whether this one was the first. */
	boolean acknowledge(long versionId, long userId, Instant at) {
		return jdbc.sql("""
				insert into document_acknowledgement (version_id, user_id, asked_at, acknowledged_at) values (?, ?, ?, ?)
				on conflict (version_id, user_id) do update set acknowledged_at = excluded.acknowledged_at
				  where document_acknowledgement.acknowledged_at is null""")
			.params(versionId, userId, Timestamp.from(at), Timestamp.from(at))
			.update() > 0;
	}

	List<Asked> of(long versionId) {
		return jdbc.sql("select user_id, asked_at, acknowledged_at, reminded_at from document_acknowledgement"
				+ " where version_id = ? order by acknowledged_at nulls first, user_id")
			.param(versionId)
			.query((rs, n) -> new Asked(rs.getLong("user_id"), rs.getTimestamp("asked_at").toInstant(),
					instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("reminded_at"))))
			.list();
	}

	List<Long> unconfirmed(long versionId) {
		return jdbc.sql("select user_id from document_acknowledgement where version_id = ? and acknowledged_at is null"
				+ " order by user_id")
			.param(versionId)
			.query(Long.class)
			.list();
	}

	void reminded(long versionId, Instant at) {
		jdbc.sql("update document_acknowledgement set reminded_at = ? where version_id = ? and acknowledged_at is null")
			.params(Timestamp.from(at), versionId)
			.update();
	}

	/** A person's current versions still to confirm, oldest request first. */
	List<DocumentToRead> toRead(long userId, int limit) {
		return jdbc.sql("""
				select d.id as document_id, v.id as version_id, d.title, v.number, a.asked_at
				from document_acknowledgement a join document_version v on v.id = a.version_id
				  join document d on d.id = v.document_id
				where a.user_id = ? and a.acknowledged_at is null and v.status = 'PUBLISHED'
				order by a.asked_at, v.id limit ?""")
			.params(userId, limit)
			.query((rs, n) -> new DocumentToRead(rs.getLong("document_id"), rs.getLong("version_id"),
					rs.getString("title"), rs.getInt("number"), rs.getTimestamp("asked_at").toInstant()))
			.list();
	}

	long toReadCount(long userId) {
		return jdbc.sql("""
				select count(*) from document_acknowledgement a join document_version v on v.id = a.version_id
				where a.user_id = ? and a.acknowledged_at is null and v.status = 'PUBLISHED'""")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** Of a version, how many were asked and how many confirmed. */
	long[] counts(long versionId) {
		return jdbc.sql("select count(*), count(acknowledged_at) from document_acknowledgement where version_id = ?")
			.param(versionId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
