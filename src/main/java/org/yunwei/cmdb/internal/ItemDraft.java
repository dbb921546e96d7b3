package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * A configuration item as submitted, to record or to change. Dates are ISO text ({@code 2026-03-31}) and the price
 * a decimal, so that a malformed one is reported beside its field.
 */
public record ItemDraft(
		@Schema(description = "the class; fixed once the item exists") Long classId,
		@Schema(description = "up to 200 characters") String name,
		@Schema(description = "for a new item: PLANNED, IN_STOCK or IN_USE (default PLANNED); ignored on change — "
				+ "use the lifecycle operation") String lifecycle,
		@Schema(description = "资产编号, unique, up to 64 characters") String assetTag,
		@Schema(description = "序列号, up to 100 characters") String serialNumber,
		@Schema(description = "an IPv4 or IPv6 address") String ipAddress,
		@Schema(description = "the customer unit the item serves; none for shared infrastructure") Long customerUnitId,
		@Schema(description = "the provider party that maintains it (a provider may name only itself)")
		Long providerPartyId,
		@Schema(description = "责任人: a user") Long ownerUserId,
		@Schema(description = "保管人: a user") Long custodianUserId,
		String building, String floor, String room, String rack,
		@Schema(description = "供应商") String supplier,
		@Schema(description = "purchase date, ISO") String purchasedOn,
		@Schema(description = "purchase price in yuan, e.g. 12800.00") String purchasePrice,
		@Schema(description = "warranty end date, ISO") String warrantyUntil,
		@Schema(description = "the class's attribute values by attribute code") Map<String, Object> attributes,
		@Schema(description = "why: required for a change, optional for a new item; up to 1000 characters")
		String reason) {
}
