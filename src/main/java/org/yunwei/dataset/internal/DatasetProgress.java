package org.yunwei.dataset.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code dataset_run} and {@code dataset_chunk}. */
@Repository
class DatasetProgress {

	private final JdbcClient jdbc;

	DatasetProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Run(long seed, int tickets, int chunkSize, Instant anchor, Instant finishedAt) {
	}

	Optional<Run> run() {
		return jdbc.sql("select seed, tickets, chunk_size, anchor, finished_at from dataset_run where id = 1")
			.query((rs, n) -> new Run(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.optional();
	}

	void start(long seed, int tickets, int chunkSize, Instant anchor) {
		jdbc.sql("insert into dataset_run (id, seed, tickets, chunk_size, anchor) values (1, ?, ?, ?, ?)")
			.params(seed, tickets, chunkSize, Timestamp.from(anchor))
			.update();
	}

	void finish(Instant at) {
		jdbc.sql("update dataset_run set finished_at = ? where id = 1").param(Timestamp.from(at)).update();
	}

	Set<String> completed() {
		return new HashSet<>(jdbc.sql("select contributor || '#' || chunk from dataset_chunk").query(String.class)
			.list());
	}

	static String key(String contributor, int chunk) {
		return contributor + "#" + chunk;
	}

	void complete(String contributor, int chunk, long rows, long millis) {
		jdbc.sql("insert into dataset_chunk (contributor, chunk, rows_written, millis) values (?, ?, ?, ?)")
			.params(contributor, chunk, rows, millis)
			.update();
	}
}
