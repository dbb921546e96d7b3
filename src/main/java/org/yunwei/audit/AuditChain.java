package org.yunwei.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.audit.internal.AuditSealer;
import org.yunwei.audit.internal.ChainVerifier;

/**
 * The hash chain over the audit trail (审计记录哈希链): each sealed record carries a sequence number, the hash of the
 * record before it and its own hash, so that changing, inserting or deleting a record breaks the chain from there on.
 */
@Service
public class AuditChain {

	private final AuditSealer sealer;
	private final ChainVerifier verifier;

	AuditChain(AuditSealer sealer, ChainVerifier verifier) {
		this.sealer = sealer;
		this.verifier = verifier;
	}

	/**
	 * Seals what was committed so far, then checks every sealed record from the start of the chain.
	 */
	public ChainVerification verify() {
		sealer.sealPending();
		return verifier.verify();
	}

	/**
	 * Checks the chain of another database, a restored backup for instance, with this application's digest, sealing
	 * nothing there: records the backup holds unsealed are counted in {@link ChainVerification#unsealed()}.
	 */
	public ChainVerification verifyIn(javax.sql.DataSource database) {
		return verifier.verify(JdbcClient.create(database));
	}

	/**
	 * Seals every record committed so far now instead of within the next second.
	 * @return how many records were sealed
	 */
	public int sealPending() {
		return sealer.sealPending();
	}
}
