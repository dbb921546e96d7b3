package org.yunwei.cmdb.internal;

/**
 * The filters of the asset ledger (设备台账), as a request gives them; every one may be absent.
 *
 * @param classId a class: its items and those of its subclasses
 * @param lifecycle a lifecycle state's name
 * @param customerUnitId a customer unit: its items and those of the units below it
 * @param location text found in the building, floor, room or rack
 * @param warrantyWithinDays items whose warranty ends between today and this many days ahead
 * @param q text found in the name, IP address, serial number or asset tag
 * @param sort {@code name} (default), {@code updated} (newest first) or {@code warranty} (soonest first)
 * @param attribute an attribute value as {@code code:value}, e.g. {@code cpu_vendor:KUNPENG} or {@code memory_gb:512}
 */
public record LedgerFilter(Long classId, String lifecycle, Long customerUnitId, String location,
		Integer warrantyWithinDays, String q, String sort, String attribute) {

	public static LedgerFilter none() {
		return new LedgerFilter(null, null, null, null, null, null, null, null);
	}
}
