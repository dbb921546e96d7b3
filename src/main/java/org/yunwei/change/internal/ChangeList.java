package org.yunwei.change.internal;

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
 * The list of changes in the reader's scope, filtered, sorted and read by keyset: newest change first through the
 * index on {@code (updated_at desc, id desc)}, or soonest planned start first.
 */
@Service
class ChangeList {

	/** A planned start for the unscheduled, so that they sort last and the cursor stays one timestamp. */
	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcClient jdbc;
	private final ChangeScope scope;

	ChangeList(JdbcClient jdbc, ChangeScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	public KeysetPage<ChangeLine> page(ChangeFilter filter, String cursor, Integer requestedLimit) {
		ScopedActor reader = scope.reader();
		FieldErrors errors = new FieldErrors();
		int limit = KeysetPage.limit(requestedLimit, errors, "change.list.limit");
		ChangeStatus status = FieldErrors.clean(filter.status()) == null ? null
				: errors.constant(ChangeStatus.class, filter.status(), "status");
		ChangeCategory category = FieldErrors.clean(filter.category()) == null ? null
				: errors.constant(ChangeCategory.class, filter.category(), "category");
		RiskLevel risk = FieldErrors.clean(filter.riskLevel()) == null ? null
				: errors.constant(RiskLevel.class, filter.riskLevel(), "riskLevel");
		String sort = FieldErrors.clean(filter.sort()) == null ? "updated" : filter.sort().strip();
		if (!sort.equals("updated") && !sort.equals("planned")) {
			errors.add("sort", "field.value.unknown");
		}
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2).orElse(null);
		if (cursor != null && after == null) {
			errors.add("cursor", "change.list.cursor");
		}
		Instant afterTime = null;
		long afterId = 0;
		if (after != null) {
			try {
				afterTime = Instant.parse(after[0]);
				afterId = Long.parseLong(after[1]);
			}
			catch (RuntimeException notACursor) {
				errors.add("cursor", "change.list.cursor");
			}
		}
		String q = FieldErrors.clean(filter.q());
		errors.optional("q", q, 200);
		errors.throwIfAny();

		DataScope.Condition where = ChangeScope.where(reader, "c");
		StringBuilder sql = new StringBuilder("""
				select c.id, c.number, c.title, c.status, c.category, c.change_type, c.risk_level, c.planned_start,
				  c.planned_end, cardinality(c.ci_ids), c.updated_at
				from change_request c where """).append(" ").append(where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		if (status != null) {
			sql.append(" and c.status = ?");
			params.add(status.name());
		}
		if (category != null) {
			sql.append(" and c.category = ?");
			params.add(category.name());
		}
		if (risk != null) {
			sql.append(" and c.risk_level = ?");
			params.add(risk.name());
		}
		if (filter.ciId() != null) {
			sql.append(" and c.ci_ids @> cast(? as bigint[])");
			params.add("{" + filter.ciId() + "}");
		}
		if (q != null) {
			sql.append(" and (c.number ilike ? or c.title ilike ?)");
			String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		boolean planned = sort.equals("planned");
		String key = "coalesce(c.planned_start, timestamptz '9999-12-31 00:00:00+00')";
		if (afterTime != null) {
			sql.append(planned ? " and (" + key + ", c.id) > (?, ?)" : " and (c.updated_at, c.id) < (?, ?)");
			params.add(Timestamp.from(afterTime));
			params.add(afterId);
		}
		sql.append(planned ? " order by " + key + ", c.id limit ?" : " order by c.updated_at desc, c.id desc limit ?");
		params.add(limit + 1);
		List<ChangeLine> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new ChangeLine(rs.getLong(1), rs.getString(2), rs.getString(3),
					ChangeStatus.valueOf(rs.getString(4)), ChangeCategory.valueOf(rs.getString(5)),
					ChangeType.valueOf(rs.getString(6)), RiskLevel.valueOf(rs.getString(7)),
					ChangeRecords.instant(rs, "planned_start"), ChangeRecords.instant(rs, "planned_end"), rs.getInt(10),
					ChangeRecords.instant(rs, "updated_at")))
			.list();
		return KeysetPage.of(rows, limit, line -> KeysetCursor.encode(
				planned ? (line.plannedStart() == null ? NEVER : line.plannedStart()) : line.updatedAt(), line.id()));
	}
}
