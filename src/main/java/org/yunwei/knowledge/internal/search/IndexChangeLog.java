package org.yunwei.knowledge.internal.search;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of changes that a search index follows, with its counter row ({@code <table>_counter}: the last number
 * given and the log's epoch). A change is written in the transaction that changed what readers may find; its number
 * comes from the counter row, which that transaction keeps locked until it commits, so numbers become visible in order
 * and without gaps, and "everything up to n applied" is exact.
 */
public class IndexChangeLog {

	private final JdbcClient jdbc;
	private final String table;
	private final String subjectColumn;

	/** @param subjectColumn the column naming what changed: the record the index reads again */
	IndexChangeLog(JdbcClient jdbc, String table, String subjectColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.subjectColumn = subjectColumn;
	}

	/** A change to apply: the subject is to be read again. */
	public record Change(long seq, long subjectId) {
	}

	/** Records that the subject changed for readers; call inside the writing transaction. */
	public long record(long subjectId) {
		long seq = jdbc.sql("update " + table + "_counter set last = last + 1 where id = 1 returning last")
			.query(Long.class).single();
		jdbc.sql("insert into " + table + " (seq, " + subjectColumn + ") values (?, ?)").params(seq, subjectId)
			.update();
		return seq;
	}

	/** The changes after {@code applied}, oldest first, at most {@code limit}. */
	List<Change> after(long applied, int limit) {
		return jdbc.sql("select seq, " + subjectColumn + " from " + table + " where seq > ? order by seq limit ?")
			.params(applied, limit).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2))).list();
	}

	/** The name of this database's change log: an index of another epoch is not this database's. */
	String epoch() {
		return jdbc.sql("select epoch from " + table + "_counter where id = 1").query(String.class).single();
	}

	/** The last change committed. */
	long last() {
		return jdbc.sql("select coalesce(max(seq), 0) from " + table).query(Long.class).single();
	}
}
