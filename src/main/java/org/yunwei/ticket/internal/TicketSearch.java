package org.yunwei.ticket.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Ticket lists within the asker's scope, one keyset page at a time. A DUE list reads the tickets with a due time
 * first (index order) and then those without, so that each part is one index range.
 */
@Service
public class TicketSearch {

	private final JdbcClient jdbc;
	private final Actors actors;
	private final ServiceCatalog catalog;

	TicketSearch(JdbcClient jdbc, Actors actors, ServiceCatalog catalog) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public KeysetPage<TicketSummary> list(TicketQuery query) {
		return list(query, actors.scope());
	}

	KeysetPage<TicketSummary> list(TicketQuery query, DataScope scope) {
		List<TicketSummary> rows = rows(query, scope).stream().map(TicketSummary::of).toList();
		return KeysetPage.of(rows, query.limit(), row -> TicketQuery.Cursor.after(query.sort(), row).encode());
	}

	/** One page of whole ticket rows in list order, one more than the page's limit when more follow. */
	List<TicketRow> rows(TicketQuery query, DataScope scope) {
		List<TicketRow> rows = new ArrayList<>();
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
		return rows;
	}

	/** How many tickets the list holds (whatever its page), counting no further than {@code atMost}. */
	long count(TicketQuery query, DataScope scope, long atMost) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select count(*) from (select 1 from ticket where ");
		conditions(sql, params, query, scope);
		sql.append(" limit ?) counted");
		params.add(atMost);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	enum Part {
		CREATED, DUE, NO_DUE
	}

	/** A list query as sent to PostgreSQL, so that a benchmark can EXPLAIN exactly what a page runs. */
	record Statement(String sql, List<Object> params) {
	}

	private List<TicketRow> read(TicketQuery query, DataScope scope, Part part, int limit) {
		Statement statement = statement(query, scope, part, limit);
		return jdbc.sql(statement.sql()).params(statement.params()).query(TicketRecords.ROW).list();
	}

	Statement statement(TicketQuery query, DataScope scope, Part part, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select ").append(TicketRecords.COLUMNS).append(" from ticket where ");
		conditions(sql, params, query, scope);
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

	/** The scope and the filters, after {@code where}. */
	private void conditions(StringBuilder sql, List<Object> params, TicketQuery query, DataScope scope) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		sql.append(condition.sql());
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
		window(sql, params, "created_at", query.created());
		window(sql, params, "resolved_at", query.resolved());
		window(sql, params, "closed_at", query.closed());
		if (query.age() != null) {
			Instant now = Instant.now();
			Instant until = query.age().createdUntil(now);
			Instant after = query.age().createdAfter(now);
			if (until != null) {
				sql.append(" and created_at <= ?");
				params.add(Timestamp.from(until));
			}
			if (after != null) {
				sql.append(" and created_at > ?");
				params.add(Timestamp.from(after));
			}
		}
		if (query.sla() != null) {
			sql.append(" and ").append(query.sla().sql());
		}
		if (query.category() != null) {
			sql.append(" and category = ?");
			params.add(query.category());
		}
		if (query.categoryId() != null) {
			// the catalogue owns its tree: it names the services, the ticket table is matched by service
			List<Long> services = catalog.servicesInCategory(query.categoryId())
				.orElseThrow(() -> RejectedRequest.invalidField("categoryId", "ticket.category.unknown"));
			sql.append(" and service_id = any(cast(? as bigint[]))");
			params.add(services.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
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
	}

	private static void window(StringBuilder sql, List<Object> params, String column, TicketQuery.Window window) {
		if (window == null) {
			return;
		}
		if (window.from() != null) {
			sql.append(" and ").append(column).append(" >= ?");
			params.add(Timestamp.from(window.from()));
		}
		if (window.to() != null) {
			sql.append(" and ").append(column).append(" < ?");
			params.add(Timestamp.from(window.to()));
		}
	}


}
