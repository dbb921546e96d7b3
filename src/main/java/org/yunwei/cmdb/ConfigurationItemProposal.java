package org.yunwei.cmdb;

import java.util.Map;

/**
 * A configuration item another module proposes to register once its own work is done (a release that brings a new
 * application system): checked against the class's rules when proposed ({@link ConfigurationItems#checkProposal}) and
 * registered by {@link ConfigurationItems#registerProposal}. Field errors name these components ({@code classId},
 * {@code name}, {@code customerUnitId}, {@code ipAddress}, {@code attributes.<code>}, {@code relatedItemId},
 * {@code relationType}).
 *
 * @param customerUnitId the customer unit the item serves; {@code null} for shared infrastructure (a provider's own)
 * @param attributes the class's attribute values by attribute code
 * @param relatedItemId an existing item the new one is related to, or {@code null}
 * @param relationType how the new item (the source) relates to it: RUNS_ON, DEPENDS_ON, INSTALLED_ON, BACKED_UP_BY,
 *        CONTAINS or CONNECTED_TO
 */
public record ConfigurationItemProposal(Long classId, String name, Long customerUnitId, String ipAddress,
		Map<String, Object> attributes, Long relatedItemId, String relationType) {

	public ConfigurationItemProposal {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}
}
