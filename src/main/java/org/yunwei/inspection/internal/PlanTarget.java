package org.yunwei.inspection.internal;

/**
 * What a plan inspects: a configuration item (a server, an application system …) or a place.
 *
 * @param id {@code null} until saved
 * @param ciId the item, for {@code CONFIGURATION_ITEM}; {@code null} for a place
 * @param location the place, for {@code LOCATION}; {@code null} for an item
 * @param label what people read: the item's name or the place
 */
public record PlanTarget(Long id, String kind, Long ciId, String location, String label) {

	static final String ITEM = "CONFIGURATION_ITEM";
	static final String PLACE = "LOCATION";

	static PlanTarget item(long ciId, String name) {
		return new PlanTarget(null, ITEM, ciId, null, name);
	}

	static PlanTarget place(String location) {
		return new PlanTarget(null, PLACE, null, location, location);
	}
}
