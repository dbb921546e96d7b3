package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A configuration item as the API and the pages show it, with the names of what it refers to.
 *
 * @param attributes the attribute values by code, as stored (enumeration codes, ISO dates, referenced item ids)
 */
public record ItemView(long id, long classId, String classCode, String className, String name, Lifecycle lifecycle,
		String assetTag, String serialNumber, String ipAddress, Long customerUnitId, String customerUnitName,
		Long providerPartyId, String providerName, Long ownerUserId, String ownerName, Long custodianUserId,
		String custodianName, String building, String floor, String room, String rack, String supplier,
		LocalDate purchasedOn, BigDecimal purchasePrice, LocalDate warrantyUntil, Map<String, Object> attributes,
		int version, Instant createdAt, Instant updatedAt) {

	/** Building / floor / room / rack, as far as known; empty when none. */
	public String location() {
		return java.util.stream.Stream.of(building, floor, room, rack).filter(s -> s != null && !s.isBlank())
			.collect(java.util.stream.Collectors.joining(" / "));
	}
}
