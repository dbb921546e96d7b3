package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One line of the asset ledger. */
public record LedgerRow(long id, String name, long classId, String classCode, String className, Lifecycle lifecycle,
		String assetTag, String serialNumber, String ipAddress, Long customerUnitId, String customerUnitName,
		String location, Long ownerUserId, String ownerName, LocalDate warrantyUntil, Instant updatedAt) {

	LedgerRow named(String unitName, String owner) {
		return new LedgerRow(id, name, classId, classCode, className, lifecycle, assetTag, serialNumber, ipAddress,
				customerUnitId, unitName, location, ownerUserId, owner, warrantyUntil, updatedAt);
	}
}
