package org.yunwei.audit.internal;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed records: gives each unsealed record, in id order, the next sequence number, the previous hash and
 * its own hash. Writers only insert, so no write waits for another; the chain is at most about a second behind.
 * <p>
 * ShedLock runs the job on one node at a time; the advisory {@link ChainLock} also keeps {@link #sealPending()}
 * called directly (by verification) and purges from overlapping it.
 */
@Component
public class AuditSealer {

	static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ChainDigest digest;

	AuditSealer(JdbcClient jdbc, TransactionTemplate transactions, ChainDigest digest) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.digest = digest;
	}

	@Scheduled(fixedDelayString = "${yunwei.audit.seal-interval:1s}", initialDelayString = "${yunwei.audit.seal-interval:1s}")
	@SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT10M")
	public void sealOnSchedule() {
		sealAll(false);
	}

	/**
	 * Seals every record committed so far, waiting for a sealer that is running now.
	 * @return how many records this call sealed
	 */
	public int sealPending() {
		return sealAll(true);
	}

	private int sealAll(boolean wait) {
		int total = 0;
		int sealed;
		do {
			sealed = transactions.execute(status -> sealBatch(wait));
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	private int sealBatch(boolean wait) {
		if (wait) {
			ChainLock.await(jdbc);
		}
		else if (!ChainLock.tryTake(jdbc)) {
			return 0;
		}
		List<ChainEntry> pending = jdbc.sql("select " + ChainEntry.COLUMNS
				+ " from audit_record where hash is null order by id limit ?")
			.param(BATCH)
			.query((rs, n) -> ChainEntry.read(rs))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		ChainLink link = ChainLink.end(jdbc);
		int size = pending.size();
		long[] ids = new long[size];
		long[] seqs = new long[size];
		String[] previous = new String[size];
		String[] hashes = new String[size];
		for (int i = 0; i < size; i++) {
			ChainEntry entry = pending.get(i);
			long seq = link.seq() + 1;
			String hash = digest.of(link.hash(), seq, entry);
			ids[i] = entry.id();
			seqs[i] = seq;
			previous[i] = link.hash();
			hashes[i] = hash;
			link = new ChainLink(seq, hash);
		}
		jdbc.sql("""
				update audit_record r set chain_seq = s.seq, prev_hash = s.prev, hash = s.hash
				from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as s(id, seq, prev, hash)
				where r.id = s.id""")
			.params(ids, seqs, previous, hashes)
			.update();
		return size;
	}
}
