package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.List;

/**
 * A kind of spare part (备品备件) or consumable (低值易耗品) its keeper holds, with its stock.
 *
 * @param kind {@code SPARE_PART} or {@code CONSUMABLE}
 * @param unitName the unit it is counted in (个, 台, 盒…)
 * @param minimumStock below this total the part is low on stock; 0 for never
 * @param providerPartyId the provider that keeps it; {@code null} for management's own
 * @param stock the quantity at each location, by location; locations that ran empty stay with 0
 * @param total the quantity at all locations
 */
public record SparePart(long id, String name, String kind, String model, String unitName, int minimumStock,
		Long providerPartyId, String providerName, List<Stock> stock, int total, Instant createdAt) {

	public SparePart {
		stock = List.copyOf(stock);
	}

	/** Whether the total stock is below the minimum: the low-stock warning. */
	@com.fasterxml.jackson.annotation.JsonProperty("low")
	public boolean low() {
		return total < minimumStock;
	}

	/** The quantity at one location. */
	public record Stock(String location, int quantity) {
	}
}
