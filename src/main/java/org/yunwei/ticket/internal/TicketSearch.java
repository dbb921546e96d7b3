package org.yunwei.ticket.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.KeysetPage;

/**
 * Ticket lists within the asker's scope, one keyset page at a time. A DUE list reads the tickets with a due time
 * first (index order) and then those without, so that each part is one index range.
 */
@Service
public class TicketSearch {

	private final JdbcClient jdbc;
	private final Actors actors;

	TicketSearch(JdbcClient jdbc, Actors actors) {
		this.jdbc = jdbc;
		this.actors = actors;
	}

	@Transactional(readOnly = true)
	public KeysetPage<TicketSummary> list(TicketQuery query) {
		return list(query, actors.scope());
	}

	KeysetPage<TicketSummary> list(TicketQuery query, DataScope scope) {
		List<TicketSummary> rows = new ArrayList<>();
		if (query.sort() == TicketQuery.Sort.CREATED) {
			rows.addAll(read(query, scope, Part.CREATED, query.limit() + 1));
		}
		else {
			TicketQuery.Cursor after = query.after();
			if (after == null || after.value() != null) {
				rows.addAll(read(query, scope, Part.DUE, query.limit() + 1));
			}
			if (rows.size() <= query.limit()) {
				rows.addAll(read(query, scope, Part.NO_DUE, query.limit() + 1 - rows.size()));
			}
		}
		return KeysetPage.of(rows, query.limit(), row -> TicketQuery.Cursor.after(query.sort(), row).encode());
	}

	enum Part {
		CREATED, DUE, NO_DUE
	}

	/** A list query as sent to PostgreSQL, so that a benchmark can EXPLAIN exactly what a page runs. */
	record Statement(String sql, List<Object> params) {
	}

	private List<TicketSummary> read(TicketQuery query, DataScope scope, Part part, int limit) {
		Statement statement = statement(query, scope, part, limit);
		return jdbc.sql(statement.sql()).params(statement.params()).query(TicketRecords.ROW).list().stream()
			.map(TicketSummary::of).toList();
	}

	Statement statement(TicketQuery query, DataScope scope, Part part, int limit) {
		List<Object> params = new ArrayList<>();
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		StringBuilder sql = new StringBuilder("select ").append(TicketRecords.COLUMNS)
			.append(" from ticket where ").append(condition.sql());
		params.addAll(condition.parameters());
		if (!query.statuses().isEmpty()) {
			// literals (enum names, nothing typed by a user): a bound array would hide from the planner that the
			// partial indexes of open tickets (migration V7) cover the query
			sql.append(" and status in ").append(query.statuses().stream().map(s -> "'" + s.name() + "'").sorted()
				.collect(Collectors.joining(", ", "(", ")")));
		}
		if (query.type() != null) {
			sql.append(" and type = ?");
			params.add(query.type().name());
		}
		if (!query.priorities().isEmpty()) {
			sql.append(" and priority = any(cast(? as text[]))");
			params.add(String.join(",", query.priorities()).transform(s -> "{" + s + "}"));
		}
		if (query.groupId() != null) {
			sql.append(" and group_id = ?");
			params.add(query.groupId());
		}
		if (query.assigneeUserId() != null) {
			if (query.assigneeUserId() == TicketQuery.UNASSIGNED) {
				sql.append(" and assignee_user_id is null");
			}
			else {
				sql.append(" and assignee_user_id = ?");
				params.add(query.assigneeUserId());
			}
		}
		if (query.customerOrgUnitId() != null) {
			sql.append(" and customer_org_unit_id = ?");
			params.add(query.customerOrgUnitId());
		}
		if (query.serviceId() != null) {
			sql.append(" and service_id = ?");
			params.add(query.serviceId());
		}
		if (query.channel() != null) {
			sql.append(" and channel = ?");
			params.add(query.channel().name());
		}
		if (query.major() != null) {
			sql.append(" and major = ?");
			params.add(query.major());
		}
		if (Boolean.TRUE.equals(query.overdue())) {
			sql.append(" and resolution_due_at < now()");
		}
		if (query.reporterUserId() != null) {
			sql.append(" and reporter_user_id = ?");
			params.add(query.reporterUserId());
		}
		if (query.q() != null) {
			// a number is found by its unique index; "number = ? or subject ilike ?" would read the whole table
			if (TicketQuery.looksLikeNumber(query.q())) {
				sql.append(" and number = upper(?)");
				params.add(query.q());
			}
			else {
				String pattern = "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				sql.append(" and subject ilike ?");
				params.add(pattern);
			}
		}
		TicketQuery.Cursor after = query.after();
		switch (part) {
			case CREATED -> {
				if (after != null) {
					sql.append(" and (created_at, id) < (?, ?)");
					params.add(Timestamp.from(after.value()));
					params.add(after.id());
				}
				sql.append(" order by created_at desc, id desc");
			}
			case DUE -> {
				sql.append(" and resolution_due_at is not null");
				if (after != null) {
					sql.append(" and (resolution_due_at, id) > (?, ?)");
					params.add(Timestamp.from(after.value()));
					params.add(after.id());
				}
				sql.append(" order by resolution_due_at, id");
			}
			case NO_DUE -> {
				sql.append(" and resolution_due_at is null");
				if (after != null && after.value() == null) {
					sql.append(" and id > ?");
					params.add(after.id());
				}
				sql.append(" order by id");
			}
		}
		sql.append(" limit ?");
		params.add(limit);
		return new Statement(sql.toString(), params);
	}


}
