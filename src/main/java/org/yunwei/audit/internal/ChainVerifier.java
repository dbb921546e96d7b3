package org.yunwei.audit.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.audit.ChainVerification;

/**
 * Walks the sealed records in chain order from the purge anchor (or the genesis), in batches by sequence so that
 * millions of records never sit in memory at once, and recomputes every hash and link.
 */
@Component
public class ChainVerifier {

	private final JdbcClient jdbc;
	private final ChainDigest digest;

	ChainVerifier(JdbcClient jdbc, ChainDigest digest) {
		this.jdbc = jdbc;
		this.digest = digest;
	}

	public ChainVerification verify() {
		return verify(jdbc);
	}

	/** Verifies the chain of the database {@code jdbc} reads, which may be another than the application's. */
	public ChainVerification verify(JdbcClient jdbc) {
		ChainLink link = ChainLink.start(jdbc);
		long checked = 0;
		while (true) {
			List<SealedRecord> batch = jdbc.sql("select " + ChainEntry.COLUMNS + """
					, chain_seq, prev_hash, hash from audit_record
					where chain_seq > ? order by chain_seq limit ?""")
				.params(link.seq(), AuditSealer.BATCH)
				.query((rs, n) -> new SealedRecord(ChainEntry.read(rs), rs.getLong("chain_seq"),
						rs.getString("prev_hash"), rs.getString("hash")))
				.list();
			for (SealedRecord record : batch) {
				checked++;
				String reason = brokenLink(jdbc, link, record);
				if (reason != null) {
					return ChainVerification.broken(checked, unsealed(jdbc), digest.algorithm(), record.seq(),
							record.entry().id(), reason);
				}
				link = new ChainLink(record.seq(), record.hash());
			}
			if (batch.size() < AuditSealer.BATCH) {
				return ChainVerification.intact(checked, unsealed(jdbc), digest.algorithm());
			}
		}
	}

	private String brokenLink(JdbcClient jdbc, ChainLink previous, SealedRecord record) {
		if (record.seq() != previous.seq() + 1 && !purgedMeanwhile(jdbc, record)) {
			return "GAP";
		}
		if (record.seq() == previous.seq() + 1 && !previous.hash().equals(record.previousHash())) {
			return "PREVIOUS_HASH_MISMATCH";
		}
		if (!digest.of(record.previousHash(), record.seq(), record.entry()).equals(record.hash())) {
			return "HASH_MISMATCH";
		}
		return null;
	}

	/**
	 * A purge that ran while this walk was under way removed the records before {@code record} and left the anchor
	 * just before it; the chain is then as intact as if the walk had started there.
	 */
	private boolean purgedMeanwhile(JdbcClient jdbc, SealedRecord record) {
		ChainLink anchor = ChainLink.start(jdbc);
		return anchor.seq() == record.seq() - 1 && anchor.hash().equals(record.previousHash());
	}

	private long unsealed(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from audit_record where hash is null").query(Long.class).single();
	}

	private record SealedRecord(ChainEntry entry, long seq, String previousHash, String hash) {
	}
}
