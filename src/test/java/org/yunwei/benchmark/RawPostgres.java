package org.yunwei.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The limits of the PostgreSQL Yunwei runs on, measured over plain JDBC in the same run and on the same database, so
 * that each of Yunwei's figures can be read as a ratio to what the database alone does on this machine at that
 * moment. Writes go to a scratch copy of the {@code ticket} table (same columns, defaults, checks and indexes), which
 * is dropped afterwards; reads go to the generated tickets.
 */
final class RawPostgres implements AutoCloseable {

	private static final String SCRATCH = "bench_raw_ticket";
	private static final String INSERT = "insert into " + SCRATCH + """
			 (number, type, status, channel, subject, description, reporter_name, reporter_contact,
			    customer_org_unit_id, provider_party_id, service_id, impact, urgency, priority, group_id,
			    response_due_at, resolution_due_at)
			values (?, 'INCIDENT', 'ASSIGNED', 'PHONE', '打印机无法打印', '用户来电：打印机显示脱机，请尽快处理。', '张三',
			    '0731-88888888', 1, 1, 1, 2, 2, 'P3', 1, ?, ?)""";

	private final Connection connection;
	private long sequence;

	RawPostgres(String url, String user, String password) throws SQLException {
		this.connection = DriverManager.getConnection(url, user, password);
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists " + SCRATCH);
			statement.execute("create table " + SCRATCH + " (like ticket including all)");
		}
	}

	/** Single-row insert transactions per second (autocommit), one client, for {@code duration}. */
	double singleRowInsertTransactionsPerSecond(Duration duration) throws SQLException {
		connection.setAutoCommit(true);
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			int rows = 0;
			while (System.nanoTime() < end) {
				bind(insert);
				insert.executeUpdate();
				rows++;
			}
			return rows / ((System.nanoTime() - start) / 1e9);
		}
	}

	/** Rows per second when {@code rows} of them go in one transaction (batches of 1,000). */
	double oneTransactionRowsPerSecond(int rows) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			long start = System.nanoTime();
			for (int i = 1; i <= rows; i++) {
				bind(insert);
				insert.addBatch();
				if (i % 1_000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			connection.commit();
			return rows / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** One ticket row by primary key, for each id in turn (a ticket detail's first read). */
	Latencies rowById(List<Long> ids) throws SQLException {
		return sample("select * from ticket where id = ?", ids, ids.size());
	}

	/** A group's open tickets by resolution due time, the first page's rows (the queue's query without the API). */
	Latencies openByDue(List<Long> groupIds, int samples) throws SQLException {
		return sample("""
				select * from ticket where group_id = ? and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')
				order by resolution_due_at, id limit 51""", groupIds, samples);
	}

	/** {@code count(*)} of the tickets created in the last 30 days (the smallest read a month's statistics make). */
	Latencies countLastMonth(int samples) throws SQLException {
		return sample("select count(*) from ticket where created_at >= now() - interval '30 days' and ? > 0",
				List.of(1L), samples);
	}

	long tickets() throws SQLException {
		return count("ticket");
	}

	/** The rows of a table. */
	long count(String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The newest 21 tickets whose subject contains a word, each of {@code words} in turn: what global search reads for
	 * a word (a page of 20 and one more), without a scope and without the subjects' index of grams.
	 */
	Latencies subjectContains(List<String> words, int samples) throws SQLException {
		return sample("select * from ticket where subject ilike ? order by created_at desc, id desc limit 21", samples,
				(query, i) -> query.setString(1, "%" + words.get(Math.floorMod(i, words.size())) + "%"));
	}

	/** Ten published articles whose title or body contains the word, by SQL (no ranking, no snippet). */
	Latencies articlesContaining(List<String> words, int samples) throws SQLException {
		return sample("""
				select a.id, v.title from knowledge_article a join knowledge_article_version v on v.id = a.published_version_id
				where a.status <> 'RETIRED' and (v.title ilike ? or v.body ilike ?) limit 10""", samples,
				(query, i) -> {
					String like = "%" + words.get(Math.floorMod(i, words.size())) + "%";
					query.setString(1, like);
					query.setString(2, like);
				});
	}

	/** The newest ten resolved or closed tickets whose subject or resolution contains the word, by SQL. */
	Latencies resolvedContaining(List<String> words, int samples) throws SQLException {
		return sample("""
				select id, number, subject from ticket where status in ('RESOLVED', 'CLOSED')
				and (subject ilike ? or resolution_text ilike ?) order by id desc limit 10""", samples, (query, i) -> {
			String like = "%" + words.get(Math.floorMod(i, words.size())) + "%";
			query.setString(1, like);
			query.setString(2, like);
		});
	}

	private Latencies sample(String sql, List<Long> params, int samples) throws SQLException {
		return sample(sql, samples, (query, i) -> query.setLong(1, params.get(Math.floorMod(i, params.size()))));
	}

	/** Sets the parameters of the {@code i}th run of a statement. */
	private interface Binding {

		void bind(PreparedStatement query, int i) throws SQLException;
	}

	private Latencies sample(String sql, int samples, Binding binding) throws SQLException {
		Latencies latencies = new Latencies();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			for (int i = -Math.min(samples, 10); i < samples; i++) {
				binding.bind(query, i);
				long start = System.nanoTime();
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						// read every row, as the application does
					}
				}
				if (i >= 0) {
					latencies.record(System.nanoTime() - start);
				}
			}
		}
		return latencies;
	}

	private void bind(PreparedStatement insert) throws SQLException {
		Instant now = Instant.now();
		insert.setString(1, "RAW-" + ProcessHandle.current().pid() + "-" + (++sequence));
		insert.setTimestamp(2, Timestamp.from(now.plusSeconds(3_600)));
		insert.setTimestamp(3, Timestamp.from(now.plusSeconds(57_600)));
	}

	@Override
	public void close() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists " + SCRATCH);
		}
		finally {
			connection.close();
		}
	}
}
