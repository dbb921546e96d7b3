package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of a configuration item that an edit may change, checked: everything but its class, lifecycle and id.
 *
 * @param attributes the class's attribute values by code, normalised (numbers as {@link BigDecimal}, dates as ISO
 *        text, enumeration codes, referenced item ids as numbers, addresses as text)
 */
public record ItemFields(String name, String assetTag, String serialNumber, String ipAddress, Long customerUnitId,
		Long providerPartyId, Long ownerUserId, Long custodianUserId, String building, String floor, String room,
		String rack, String supplier, LocalDate purchasedOn, BigDecimal purchasePrice, LocalDate warrantyUntil,
		Map<String, Object> attributes) {

	public ItemFields {
		attributes = new TreeMap<>(attributes);
	}
}
