package org.yunwei.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.internal.AuditRecords;

/**
 * Puts entries on the audit trail. {@link #record} joins the caller's transaction, so that the entry is committed
 * with the write it describes or not at all; {@link #recordAlone} commits on its own, for what is recorded because
 * something was refused (a failed sign-in, an access denial) while the caller's work rolls back.
 * <p>
 * Writing an entry takes no lock shared between transactions: entries are chained by a sealer within seconds.
 */
@Service
public class AuditTrail {

	private final AuditRecords records;

	AuditTrail(AuditRecords records) {
		this.records = records;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry entry) {
		records.append(entry);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(AuditEntry entry) {
		records.append(entry);
	}

	/**
	 * Whether the trail holds an entry of this action about this object: a listener that records what an event
	 * reports asks first, so that an event delivered twice is recorded once.
	 */
	@Transactional(readOnly = true)
	public boolean contains(String action, String objectType, String objectId) {
		return records.contains(action, objectType, objectId);
	}
}
