package org.yunwei.release.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

/**
 * The list of releases in the reader's scope, filtered, sorted and read by keyset: newest release first through the
 * index on {@code (updated_at desc, id desc)}, or soonest planned date first.
 */
@Service
class ReleaseList {

	/** A planned date for the unscheduled, so that they sort last and the cursor stays one timestamp. */
	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcClient jdbc;
	private final ReleaseScope scope;

	ReleaseList(JdbcClient jdbc, ReleaseScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	public KeysetPage<ReleaseLine> page(ReleaseFilter filter, String cursor, Integer requestedLimit) {
		ScopedActor reader = scope.reader();
		FieldErrors errors = new FieldErrors();
		int limit = KeysetPage.limit(requestedLimit, errors, "release.list.limit");
		ReleaseStatus status = FieldErrors.clean(filter.status()) == null ? null
				: errors.constant(ReleaseStatus.class, filter.status(), "status");
		ReleaseType type = FieldErrors.clean(filter.type()) == null ? null
				: errors.constant(ReleaseType.class, filter.type(), "type");
		String sort = FieldErrors.clean(filter.sort()) == null ? "updated" : filter.sort().strip();
		if (!sort.equals("updated") && !sort.equals("planned")) {
			errors.add("sort", "field.value.unknown");
		}
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2).orElse(null);
		if (cursor != null && after == null) {
			errors.add("cursor", "release.list.cursor");
		}
		Instant afterTime = null;
		long afterId = 0;
		if (after != null) {
			try {
				afterTime = Instant.parse(after[0]);
				afterId = Long.parseLong(after[1]);
			}
			catch (RuntimeException notACursor) {
				errors.add("cursor", "release.list.cursor");
			}
		}
		String q = FieldErrors.clean(filter.q());
		errors.optional("q", q, 200);
		errors.throwIfAny();

		DataScope.Condition where = ReleaseScope.where(reader, "r");
		StringBuilder sql = new StringBuilder("""
				select r.id, r.number, r.title, r.status, r.release_type, r.release_version, r.planned_at,
				  cardinality(r.ci_ids), cardinality(r.change_ids), r.updated_at
				from release_record r where """).append(" ").append(where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		if (status != null) {
			sql.append(" and r.status = ?");
			params.add(status.name());
		}
		if (type != null) {
			sql.append(" and r.release_type = ?");
			params.add(type.name());
		}
		if (filter.ciId() != null) {
			sql.append(" and r.ci_ids @> cast(? as bigint[])");
			params.add("{" + filter.ciId() + "}");
		}
		if (filter.changeId() != null) {
			sql.append(" and r.change_ids @> cast(? as bigint[])");
			params.add("{" + filter.changeId() + "}");
		}
		if (q != null) {
			sql.append(" and (r.number ilike ? or r.title ilike ? or r.release_version ilike ?)");
			String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
			params.add(like);
		}
		boolean planned = sort.equals("planned");
		String key = "coalesce(r.planned_at, timestamptz '9999-12-31 00:00:00+00')";
		if (afterTime != null) {
			sql.append(planned ? " and (" + key + ", r.id) > (?, ?)" : " and (r.updated_at, r.id) < (?, ?)");
			params.add(Timestamp.from(afterTime));
			params.add(afterId);
		}
		sql.append(planned ? " order by " + key + ", r.id limit ?" : " order by r.updated_at desc, r.id desc limit ?");
		params.add(limit + 1);
		List<ReleaseLine> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new ReleaseLine(rs.getLong(1), rs.getString(2), rs.getString(3),
					ReleaseStatus.valueOf(rs.getString(4)), ReleaseType.valueOf(rs.getString(5)), rs.getString(6),
					ReleaseRecords.instant(rs, "planned_at"), rs.getInt(8), rs.getInt(9),
					ReleaseRecords.instant(rs, "updated_at")))
			.list();
		return KeysetPage.of(rows, limit, line -> KeysetCursor.encode(
				planned ? (line.plannedAt() == null ? NEVER : line.plannedAt()) : line.updatedAt(), line.id()));
	}
}
