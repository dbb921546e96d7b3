package org.yunwei.ticket.internal.list;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Ticket lists within the asker's scope, one keyset page at a time. A DUE list reads the tickets with a due time
 * first (index order) and then those without, so that each part is one index range.
 * <p>
 * Two filters have no index that keeps the list's order: a text within the subject ({@code q}), and days of
 * creation in a list by due time. A list with one of them is read in its order, stretch by stretch, checking the
 * filter row by row while it proves common among the tickets read; once it proves rare, PostgreSQL is given the
 * statement it can serve from the filter's own index (the subjects' bigrams and characters of migrations V10 and
 * V11, the creation time) and sorts what that finds. PostgreSQL cannot make that choice itself: it multiplies the
 * frequencies of a text's bigrams as if they were independent ("办公网络中断", in a tenth of the tickets, looks as rare
 * as "UPS 电池" in one of 20,000), and it does not know that open tickets are mostly recent. docs/performance.md,
 * "The list's text filter".
 */
@Service
public class TicketSearch {

	/** Tickets read in list order before a filter may prove rare. */
	static final int FIRST_STRETCH = 1_000;
	/** Each stretch of the list read in order is this many times the one before. */
	private static final int STRETCH_GROWTH = 4;
	/**
	 * A filter met by fewer than one ticket of this many read is rare: its index reads fewer rows than reading on in
	 * list order. In order, a page of 50 takes about 50 / d tickets for a filter met by a fraction d of them; the
	 * subjects' index about d × all tickets. At the 1,000,000 tickets of the targets the two meet near d = 1/140.
	 */
	private static final int RARE = 150;

	private final JdbcClient jdbc;
	private final TicketAccess access;
	private final ServiceCatalog catalog;

	TicketSearch(JdbcClient jdbc, TicketAccess access, ServiceCatalog catalog) {
		this.jdbc = jdbc;
		this.access = access;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public KeysetPage<TicketSummary> list(TicketQuery query) {
		return list(query, access.readableScope());
	}

	KeysetPage<TicketSummary> list(TicketQuery query, DataScope scope) {
		List<TicketSummary> rows = rows(query, scope).stream().map(TicketSummary::of).toList();
		return KeysetPage.of(rows, query.limit(), row -> TicketQuery.Cursor.after(query.sort(), row).encode());
	}

	/** One page of whole ticket rows in list order, one more than the page's limit when more follow. */
	public List<TicketRow> rows(TicketQuery query, DataScope scope) {
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
	public long count(TicketQuery query, DataScope scope, long atMost) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select count(*) from (select 1 from ticket where ");
		conditions(sql, params, query, scope, Text.INDEXED, Sifted.NONE);
		sql.append(" limit ?) counted");
		params.add(atMost);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	enum Part {
		CREATED, DUE, NO_DUE
	}

	/** How a statement filters by the text of {@code q} (a number is looked up alike in both). */
	enum Text {
		/** {@code subject ilike}: alone, where no index helps. */
		PLAIN,
		/**
		 * The subjects' index of bigrams and characters, the ilike rechecking what it finds (same results as PLAIN).
		 */
		INDEXED
	}

	/**
	 * The filters a stretch of the list checks row by row, left out of the statement that reads the stretch in list
	 * order: the text, and the creation days (and backlog age) of a list by due time.
	 */
	record Sifted(boolean text, boolean created) {

		static final Sifted NONE = new Sifted(false, false);

		static Sifted of(TicketQuery query, Part part) {
			boolean text = query.q() != null && !TicketQuery.looksLikeNumber(query.q());
			return new Sifted(text, part == Part.DUE && (query.created() != null || query.age() != null));
		}
	}

	/** A list query as sent to PostgreSQL, so that a benchmark can EXPLAIN exactly what a page runs. */
	record Statement(String sql, List<Object> params) {
	}

	private List<TicketRow> read(TicketQuery query, DataScope scope, Part part, int limit) {
		Sifted sifted = Sifted.of(query, part);
		if (sifted.equals(Sifted.NONE)) {
			return read(statement(query, scope, part, limit, Text.PLAIN));
		}
		// in list order, stretch by stretch, while the filter proves common
		List<TicketRow> found = new ArrayList<>();
		TicketQuery from = query;
		int examined = 0;
		for (int rows = FIRST_STRETCH;; rows *= STRETCH_GROWTH) {
			Stretch stretch = stretch(from, scope, part, rows, limit - found.size());
			found.addAll(stretch.matches());
			if (found.size() >= limit || stretch.last() == null) {
				return found;
			}
			examined += rows;
			if (found.size() * RARE < examined) {
				return read(rare(query, scope, part, limit));
			}
			from = query.page(query.limit(),
					TicketQuery.Cursor.after(query.sort(), TicketSummary.of(stretch.last())));
		}
	}

	private List<TicketRow> read(Statement statement) {
		return jdbc.sql(statement.sql()).params(statement.params()).query(TicketRecords.ROW).list();
	}

	/**
	 * The statements a part of a page may run, so that a benchmark can EXPLAIN them: one, or for a filter that a
	 * stretch checks row by row the first stretch and the statement for a rare filter.
	 */
	List<Statement> statements(TicketQuery query, DataScope scope, Part part, int limit) {
		if (Sifted.of(query, part).equals(Sifted.NONE)) {
			return List.of(statement(query, scope, part, limit, Text.PLAIN));
		}
		return List.of(stretchStatement(query, scope, part, FIRST_STRETCH, limit), rare(query, scope, part, limit));
	}

	/**
	 * The whole page from the filters' own indexes (the grams for a text), sorted by PostgreSQL. The tickets the
	 * index finds are taken whole before they are sorted (a materialized CTE): asked for the newest 21 among them,
	 * PostgreSQL expected a text found 36,000 times in the city to turn up early in creation order within a provider
	 * that had none of them, and read all 1,000,000 tickets backwards (1.4 s) instead of combining the index with the
	 * provider's (30 ms).
	 */
	private Statement rare(TicketQuery query, DataScope scope, Part part, int limit) {
		if (!Sifted.of(query, part).text()) {
			return statement(query, scope, part, limit, Text.PLAIN);
		}
		Statement found = filtered("id, created_at, resolution_due_at", query, scope, part, Text.INDEXED, Sifted.NONE);
		List<Object> params = new ArrayList<>(found.params());
		params.add(limit);
		String order = order(part, query);
		return new Statement("with found as materialized (" + found.sql() + ") select " + TicketRecords.COLUMNS
				+ " from ticket join (select id as found_id from found order by " + order + " limit ?) page"
				+ " on ticket.id = page.found_id order by " + order, params);
	}

	/**
	 * The tickets of a stretch of the list that pass the filters it checks, in list order and at most {@code limit}
	 * of them; {@code last} is the stretch's last ticket when the list goes on after it (a match or not), so that
	 * the next stretch starts there.
	 */
	private record Stretch(List<TicketRow> matches, TicketRow last) {
	}

	private Stretch stretch(TicketQuery query, DataScope scope, Part part, int rows, int limit) {
		record Placed(TicketRow row, boolean matches, int place) {
		}
		Statement statement = stretchStatement(query, scope, part, rows, limit);
		List<Placed> placed = jdbc.sql(statement.sql())
			.params(statement.params())
			.query((rs, n) -> new Placed(TicketRecords.ROW.mapRow(rs, n), rs.getBoolean("matches"),
					rs.getInt("place")))
			.list();
		return new Stretch(placed.stream().filter(Placed::matches).map(Placed::row).toList(),
				placed.stream().filter(p -> p.place() == rows).map(Placed::row).findFirst().orElse(null));
	}

	/**
	 * The next {@code rows} tickets of the list, read on the list's own index as without the sifted filters and
	 * numbered in list order; of them, whole, those that pass the sifted filters and the last one. PostgreSQL stops
	 * reading as soon as {@code limit} of them are found. The rows numbered are narrow: the window keeps each row it
	 * numbers, and with whole rows that took longer than reading them (1,000 rows at 1,000,000 tickets: 13–24 ms
	 * whole, 2–7 ms narrow, on the shared machine).
	 */
	Statement stretchStatement(TicketQuery query, DataScope scope, Part part, int rows, int limit) {
		Sifted sifted = Sifted.of(query, part);
		List<Object> params = new ArrayList<>();
		StringBuilder passes = new StringBuilder("true");
		if (sifted.text()) {
			passes.append(" and subject ilike ?");
			params.add(pattern(query.q()));
		}
		if (sifted.created()) {
			created(passes, params, query);
		}
		Statement head = select("id, created_at, resolution_due_at, subject", query, scope, part, rows, Text.PLAIN,
				sifted);
		params.addAll(head.params());
		params.add(rows);
		params.add(limit);
		String order = order(part, query);
		String sql = "select " + TicketRecords.COLUMNS + ", matches, place from ticket join (select id as stretch_id, "
				+ "matches, place from (select head.*, " + passes + " as matches, row_number() over (order by " + order
				+ ") as place from (" + head.sql() + ") head) numbered where matches or place = ? order by " + order
				+ " limit ?) stretch on ticket.id = stretch.stretch_id order by place";
		return new Statement(sql, params);
	}

	/** The statement of a page, with the text filter as a plain ilike. */
	Statement statement(TicketQuery query, DataScope scope, Part part, int limit) {
		return statement(query, scope, part, limit, Text.PLAIN);
	}

	Statement statement(TicketQuery query, DataScope scope, Part part, int limit, Text text) {
		return select(TicketRecords.COLUMNS, query, scope, part, limit, text, Sifted.NONE);
	}

	private Statement select(String columns, TicketQuery query, DataScope scope, Part part, int limit, Text text,
			Sifted sifted) {
		Statement filtered = filtered(columns, query, scope, part, text, sifted);
		List<Object> params = new ArrayList<>(filtered.params());
		params.add(limit);
		return new Statement(filtered.sql() + " order by " + order(part, query) + " limit ?", params);
	}

	/** The tickets of a part that pass the filters, from the keyset cursor on, in no order. */
	private Statement filtered(String columns, TicketQuery query, DataScope scope, Part part, Text text,
			Sifted sifted) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select ").append(columns).append(" from ticket where ");
		conditions(sql, params, query, scope, text, sifted);
		TicketQuery.Cursor after = query.after();
		switch (part) {
			case CREATED -> {
				if (after != null) {
					sql.append(" and (created_at, id) < (?, ?)");
					params.add(Timestamp.from(after.value()));
					params.add(after.id());
				}
			}
			case DUE -> {
				sql.append(" and resolution_due_at is not null");
				if (after != null) {
					sql.append(" and (resolution_due_at, id) > (?, ?)");
					params.add(Timestamp.from(after.value()));
					params.add(after.id());
				}
			}
			case NO_DUE -> {
				sql.append(" and resolution_due_at is null");
				if (after != null && after.value() == null) {
					sql.append(" and id > ?");
					params.add(after.id());
				}
			}
		}
		return new Statement(sql.toString(), params);
	}

	/**
	 * The list order of a part. Tickets without a due time come in id order; for open tickets that is written as the
	 * V7 partial indexes' order (resolution_due_at, id), all due times being null, because PostgreSQL would otherwise
	 * walk the primary key from the oldest ticket, expecting open ones all along: a group's open tickets without a
	 * due time took 1.1 s at 1,000,000 tickets (862,296 closed ones read first), 0.2 ms on the index.
	 */
	private static String order(Part part, TicketQuery query) {
		return switch (part) {
			case CREATED -> "created_at desc, id desc";
			case DUE -> "resolution_due_at, id";
			case NO_DUE -> !query.statuses().isEmpty() && TicketStatus.OPEN.containsAll(query.statuses())
					? "resolution_due_at, id" : "id";
		};
	}

	/** The scope and the filters but those sifted, after {@code where}. */
	private void conditions(StringBuilder sql, List<Object> params, TicketQuery query, DataScope scope, Text text,
			Sifted sifted) {
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
		if (!sifted.created()) {
			created(sql, params, query);
		}
		window(sql, params, "resolved_at", query.resolved());
		window(sql, params, "closed_at", query.closed());
		if (query.sla() != null) {
			sql.append(" and ").append(query.sla().sql());
		}
		if (query.reopened() != null) {
			// the statistics by assignee's reopened tickets, probing the partial index of reopenings (ticket/V12)
			sql.append(query.reopened() ? " and " : " and not ").append(
					"exists (select 1 from ticket_entry e where e.ticket_id = ticket.id and " + Timeline.REOPEN + ")");
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
		if (query.q() != null && !sifted.text()) {
			// a number is found by its unique index; "number = ? or subject ilike ?" would read the whole table
			if (TicketQuery.looksLikeNumber(query.q())) {
				sql.append(" and number = upper(?)");
				params.add(query.q());
			}
			else if (text == Text.INDEXED) {
				// the same function as the index's expression (V11), so that PostgreSQL matches the two
				sql.append(" and ticket_text_grams(subject) @> ticket_text_sought(?) and subject ilike ?");
				params.add(query.q());
				params.add(pattern(query.q()));
			}
			else {
				sql.append(" and subject ilike ?");
				params.add(pattern(query.q()));
			}
		}
	}

	/** The creation days and backlog age, each condition after {@code and}. */
	private static void created(StringBuilder sql, List<Object> params, TicketQuery query) {
		window(sql, params, "created_at", query.created());
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
	}

	/** An ilike pattern for subjects containing {@code text}, its wildcards and escapes taken literally. */
	private static String pattern(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
