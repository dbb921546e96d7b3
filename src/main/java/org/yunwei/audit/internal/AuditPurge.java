package org.yunwei.audit.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.web.RejectedRequest;

/**
 * Removes old records from the start of the chain. Records must be kept at least 180 days (网络安全法 §21), so a
 * younger cutoff is refused; the database trigger refuses it too, as the last line of defence.
 * <p>
 * Only a prefix of the sealed chain is removed: the records up to the first one that is not older than the cutoff.
 * The chain is in sealing order, which may differ slightly from time order, and cutting a hole out of its middle
 * would look exactly like tampering. The last removed record's sequence and hash become the anchor where
 * verification starts, so the remaining chain still verifies.
 */
@Component
class AuditPurge {

	static final Duration RETENTION = Duration.ofDays(180);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AuditRecords records;

	AuditPurge(JdbcClient jdbc, TransactionTemplate transactions, AuditRecords records) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.records = records;
	}

	/** What a purge removed: how many records, and the new start of the chain ({@code null} if nothing). */
	record Purged(long removed, Long anchorSeq) {
	}

	Purged before(Instant cutoff) {
		if (cutoff.isAfter(Instant.now().minus(RETENTION))) {
			throw RejectedRequest.unprocessable("audit-retention", "audit.purge.too-young", RETENTION.toDays());
		}
		return transactions.execute(status -> {
			ChainLock.await(jdbc);
			Purged purged = removePrefixBefore(cutoff);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("before", cutoff.toString());
			after.put("removed", purged.removed());
			after.put("anchorSeq", purged.anchorSeq());
			records.append(AuditEntry.of("AUDIT_PURGE", "audit_trail", null).after(after));
			return purged;
		});
	}

	private Purged removePrefixBefore(Instant cutoff) {
		Long lastSeq = jdbc.sql("""
				select coalesce((select min(chain_seq) - 1 from audit_record
				                 where chain_seq is not null and occurred_at >= ?),
				                (select max(chain_seq) from audit_record))""")
			.param(Timestamp.from(cutoff))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (lastSeq == null || lastSeq <= ChainLink.start(jdbc).seq()) {
			return new Purged(0, null);
		}
		String lastHash = jdbc.sql("select hash from audit_record where chain_seq = ?").param(lastSeq)
			.query(String.class)
			.single();
		int removed = jdbc.sql("delete from audit_record where chain_seq <= ?").param(lastSeq).update();
		jdbc.sql("""
				insert into audit_chain_anchor (id, chain_seq, hash, purged_at) values (1, ?, ?, now())
				on conflict (id) do update set chain_seq = excluded.chain_seq, hash = excluded.hash,
				                               purged_at = excluded.purged_at""")
			.params(lastSeq, lastHash)
			.update();
		return new Purged(removed, lastSeq);
	}
}
