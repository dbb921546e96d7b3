package org.yunwei.ticket.internal.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.ApiClient;
import org.yunwei.support.StatementTally;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Counts what a number of creations through {@code POST /api/v1/tickets} ask of the database: the statements and
 * transactions {@link StatementTally} counts, and the rows PostgreSQL's statistics say were written, by table. Two
 * creations first (a request and an incident, each type numbering from a counter row of its own for the day, and the
 * token's use noted, which happens once a minute), then the counted ones one after another, then a wait until the
 * asynchronous listeners are done. Prints the counts per creation.
 */
final class CreationCost {

	private static final Duration QUIET = Duration.ofMillis(1500);

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final ApiClient api;

	CreationCost(JdbcClient jdbc, DataSource dataSource, ApiClient api) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.api = api;
	}

	/** What {@code created} creations asked for, the statements and transactions of requests and listeners. */
	record Measured(String label, int created, StatementTally.Counts work, Map<String, Long> rows) {

		double per(String prefix) {
			return (double) work.sum(prefix) / created;
		}
	}

	Measured measure(String label, int creations, String token, IntFunction<Map<String, Object>> draft) {
		for (int n : new int[] { 1000, 1001 }) {
			var warmUp = api.post("/api/v1/tickets", token, draft.apply(n));
			if (warmUp.status() != 201) {
				throw new AssertionError(warmUp);
			}
		}
		settle();
		Map<String, Long> rowsBefore = rows();
		StatementTally.Counts before = StatementTally.counts();
		int created = 0;
		for (int n = 1; n <= creations; n++) {
			var answer = api.post("/api/v1/tickets", token, draft.apply(n));
			if (answer.status() != 201) {
				throw new AssertionError(answer);
			}
			created++;
		}
		settle();
		StatementTally.Counts work = StatementTally.counts().since(before).ofApplication();
		Map<String, Long> rowsAfter = rows();
		Map<String, Long> rows = new TreeMap<>();
		rowsAfter.forEach((key, value) -> {
			long d = value - rowsBefore.getOrDefault(key, 0L);
			if (d != 0) {
				rows.put(key, d);
			}
		});
		Measured measured = new Measured(label, created, work, rows);
		print(measured);
		return measured;
	}

	/** Waits until requests and listeners have asked nothing of the database for a while. */
	private void settle() {
		Instant deadline = Instant.now().plusSeconds(30);
		StatementTally.Counts last = StatementTally.counts().ofApplication();
		Instant quietSince = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			sleep(200);
			StatementTally.Counts now = StatementTally.counts().ofApplication();
			if (!now.equals(last)) {
				last = now;
				quietSince = Instant.now();
			}
			else if (Duration.between(quietSince, Instant.now()).compareTo(QUIET) >= 0) {
				return;
			}
		}
		throw new AssertionError("The listeners did not come to rest within 30 s");
	}

	/**
	 * Rows inserted, updated and deleted so far by table ({@code ins|ticket}), from PostgreSQL's statistics. A server
	 * process reports them when it is idle, at most once a second, or as it ends: the pool's connections are closed
	 * first, and their processes awaited.
	 */
	private Map<String, Long> rows() {
		Timestamp evicted = jdbc.sql("select now()").query(Timestamp.class).single();
		try {
			dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("The application's data source is no Hikari pool", e);
		}
		Instant deadline = Instant.now().plusSeconds(20);
		while (jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and backend_start < ? and pid <> pg_backend_pid()
				  and backend_type = 'client backend' and application_name = 'yunwei'""")
			.param(evicted).query(Long.class).single() > 0) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The pool's connections did not close within 20 s");
			}
			sleep(100);
		}
		// what this connection itself reported stays out: it only reads
		Map<String, Long> rows = new TreeMap<>();
		jdbc.sql("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables").query(rs -> {
			rows.put("ins|" + rs.getString(1), rs.getLong(2));
			rows.put("upd|" + rs.getString(1), rs.getLong(3));
			rows.put("del|" + rs.getString(1), rs.getLong(4));
		});
		return rows;
	}

	private static void print(Measured m) {
		StringBuilder out = new StringBuilder();
		out.append("\nCREATION COST — ").append(m.label()).append(", ").append(m.created())
			.append(" creations; per creation:\n");
		for (String thread : new String[] { "request", "listener" }) {
			out.append(String.format(
					"  %-8s statements %6.2f, transactions %5.2f (writing %5.2f), rollbacks %4.2f, rows read %6.2f%n",
					thread, m.per("statement|" + thread), m.per("transaction|" + thread),
					m.per("transaction|" + thread + "|write"), m.per("rollback|" + thread),
					m.per("row read|" + thread)));
		}
		m.work().values().forEach((key, value) -> {
			if (key.startsWith("statement|")) {
				String kind = key.substring("statement|".length());
				out.append(String.format("    %-60s %6.2f  (rows read %6.2f)%n", kind, (double) value / m.created(),
						(double) m.work().values().getOrDefault("row read|" + kind, 0L) / m.created()));
			}
		});
		long inserted = m.rows().entrySet().stream().filter(e -> e.getKey().startsWith("ins|"))
			.mapToLong(Map.Entry::getValue).sum();
		long updated = m.rows().entrySet().stream().filter(e -> e.getKey().startsWith("upd|"))
			.mapToLong(Map.Entry::getValue).sum();
		long deleted = m.rows().entrySet().stream().filter(e -> e.getKey().startsWith("del|"))
			.mapToLong(Map.Entry::getValue).sum();
		out.append(String.format("  rows inserted %.2f, updated %.2f, deleted %.2f%n", (double) inserted / m.created(),
				(double) updated / m.created(), (double) deleted / m.created()));
		m.rows().forEach((key, value) -> out.append(String.format("    %-60s %6.2f%n", key,
				(double) value / m.created())));
		System.out.println(out);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
