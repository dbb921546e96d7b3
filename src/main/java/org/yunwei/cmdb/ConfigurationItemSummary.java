package org.yunwei.cmdb;

/**
 * A configuration item as other modules see it: to name the device a ticket concerns, to show it in a picker.
 *
 * @param classCode the code of the item's class
 * @param className the class's name (Chinese, as administrators defined it)
 * @param lifecycle {@code PLANNED}, {@code IN_STOCK}, {@code IN_USE}, {@code UNDER_REPAIR}, {@code RETIRED} or
 *        {@code DISPOSED}
 * @param ipAddress {@code null} when none is recorded
 * @param customerUnitId the customer unit the item serves; {@code null} for shared infrastructure
 */
public record ConfigurationItemSummary(long id, String name, String classCode, String className, String lifecycle,
		String assetTag, String serialNumber, String ipAddress, Long customerUnitId) {
}
