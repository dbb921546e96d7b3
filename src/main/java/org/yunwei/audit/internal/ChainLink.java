package org.yunwei.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A point of the chain: a sequence number and the hash there. The next record is sealed with {@code seq + 1} and
 * {@code hash} as its previous hash.
 */
record ChainLink(long seq, String hash) {

	static final ChainLink GENESIS = new ChainLink(0, ChainDigest.GENESIS);

	/** Where the remaining chain starts: the anchor left by the last purge, else the genesis. */
	static ChainLink start(JdbcClient jdbc) {
		return jdbc.sql("select chain_seq, hash from audit_chain_anchor where id = 1")
			.query((rs, n) -> new ChainLink(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(GENESIS);
	}

	/** The last sealed record, else {@link #start}. */
	static ChainLink end(JdbcClient jdbc) {
		return jdbc.sql("""
				select chain_seq, hash from audit_record where chain_seq is not null order by chain_seq desc limit 1""")
			.query((rs, n) -> new ChainLink(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseGet(() -> start(jdbc));
	}
}
