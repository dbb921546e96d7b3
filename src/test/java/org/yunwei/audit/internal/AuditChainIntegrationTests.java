package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditChain;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.ChainVerification;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

class AuditChainIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChain chain;

	@Autowired
	TransactionTemplate transactions;

	private Runnable restore;

	@AfterEach
	void restoreTheChain() {
		if (restore != null) {
			restore.run();
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void sealerChainsNewRecordsWithinSecondsAndTheChainVerifies() throws InterruptedException {
		long id = append("TEST_SEALED");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (hashOf(id) == null && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(hashOf(id)).as("sealed by the scheduled sealer").hasSize(64);

		ChainVerification verification = chain.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.algorithm()).isEqualTo("SHA-256");
		assertThat(verification.checked()).isPositive();
		assertThat(verification.firstBrokenSeq()).isNull();
	}

	@Test
	void changedRecordIsTheFirstBrokenLink() {
		long id = append("TEST_TAMPER");
		chain.sealPending();
		long seq = seqOf(id);
		restore = () -> bypassingTheGuard("update audit_record set detail = 'original' where id = ?", id);

		bypassingTheGuard("update audit_record set detail = 'forged' where id = ?", id);

		ChainVerification verification = chain.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
		assertThat(verification.firstBrokenId()).isEqualTo(id);
		assertThat(verification.reason()).isEqualTo("HASH_MISMATCH");
	}

	@Test
	void rehashedRecordBreaksTheLinkOfTheNext() {
		long id = append("TEST_REHASH");
		long next = append("TEST_REHASH_NEXT");
		chain.sealPending();
		String hash = hashOf(id);
		restore = () -> bypassingTheGuard("update audit_record set hash = '" + hash + "' where id = ?", id);

		bypassingTheGuard("update audit_record set hash = repeat('f', 64) where id = ?", id);

		ChainVerification verification = chain.verify();
		assertThat(verification.firstBrokenSeq()).isEqualTo(seqOf(id));
		assertThat(verification.reason()).isEqualTo("HASH_MISMATCH");
		assertThat(seqOf(next)).isEqualTo(seqOf(id) + 1);
	}

	@Test
	void deletedRecordLeavesAGapAtTheNextOne() {
		long id = append("TEST_GAP");
		long next = append("TEST_GAP_NEXT");
		chain.sealPending();
		Map<String, Object> row = jdbc.sql("select * from audit_record where id = ?").param(id).query().singleRow();
		restore = () -> transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("""
					insert into audit_record (id, occurred_at, actor, client_address, action, object_type, object_id,
					    outcome, detail, before_value, after_value, chain_seq, prev_hash, hash)
					overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("client_address"),
						row.get("action"), row.get("object_type"), row.get("object_id"), row.get("outcome"),
						row.get("detail"), row.get("before_value"), row.get("after_value"), row.get("chain_seq"),
						row.get("prev_hash"), row.get("hash"))
				.update();
		});

		bypassingTheGuard("delete from audit_record where id = ?", id);

		ChainVerification verification = chain.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenId()).isEqualTo(next);
		assertThat(verification.firstBrokenSeq()).isEqualTo(((Number) row.get("chain_seq")).longValue() + 1);
		assertThat(verification.reason()).isEqualTo("GAP");
	}

	@Test
	void databaseRefusesChangingOrDeletingRecords() {
		long id = append("TEST_GUARD");
		chain.sealPending();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("update audit_record set detail = 'x' where id = ?").param(id).update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("update audit_record set hash = repeat('0', 64) where id = ?").param(id)
				.update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("delete from audit_record where id = ?").param(id).update())
			.withMessageContaining("180 days");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("truncate audit_record").update())
			.withMessageContaining("truncated");
		assertThat(jdbc.sql("select detail from audit_record where id = ?").param(id).query(String.class).single())
			.isEqualTo("original");
	}

	private long append(String action) {
		String objectId = TestDirectory.unique("o");
		trail.record(AuditEntry.of(action, "test", objectId).detail("original").before(Map.of("v", 1))
			.after(Map.of("v", 2)));
		return jdbc.sql("select id from audit_record where object_id = ?").param(objectId).query(Long.class).single();
	}

	private String hashOf(long id) {
		String hash = jdbc.sql("select coalesce(hash, '') from audit_record where id = ?").param(id)
			.query(String.class).single();
		return hash.isEmpty() ? null : hash;
	}

	private long seqOf(long id) {
		return jdbc.sql("select chain_seq from audit_record where id = ?").param(id).query(Long.class).single();
	}

	/** Changes the table as someone with the database's superuser could, without its trigger. */
	private void bypassingTheGuard(String sql, long id) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).param(id).update();
		});
	}
}
