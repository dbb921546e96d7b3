package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** What is submitted to keep spare parts and consumables. */
public final class SpareDrafts {

	private SpareDrafts() {
	}

	/** A new kind of part. */
	public record PartDraft(@Schema(description = "up to 200 characters") String name,
			@Schema(description = "SPARE_PART (备品备件) or CONSUMABLE (低值易耗品)") String kind,
			@Schema(description = "型号, optional") String model,
			@Schema(description = "the unit it is counted in, e.g. 个, 台, 盒; up to 20 characters") String unitName,
			@Schema(description = "below this total a low-stock warning shows; 0 or none for never") Integer minimumStock,
			@Schema(description = "the provider that keeps it (management may name one; a provider keeps its own)")
			Long providerPartyId) {
	}

	/** A movement of stock. */
	public record MovementDraft(@Schema(description = "RECEIVED (入库), ISSUED (领用) or RETURNED (归还)") String kind,
			@Schema(description = "the storage location, up to 200 characters") String location,
			@Schema(description = "1 to 100000") Integer quantity,
			@Schema(description = "the ticket's number, e.g. INC-20261122-0001: required to issue and to return")
			String ticketNumber,
			@Schema(description = "optional, up to 1000 characters") String reason) {
	}
}
