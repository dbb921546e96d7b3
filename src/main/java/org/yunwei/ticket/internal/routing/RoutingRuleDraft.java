package org.yunwei.ticket.internal.routing;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new or changed routing rule as submitted; {@link RoutingRuleAdministration} checks it field by field.
 *
 * @param providerPartyId the provider whose tickets the rule routes; a provider's own manager may leave it out
 * @param position rules are tried from the lowest position; default 100
 * @param channel one of PORTAL, PHONE, EMAIL, API, MONITORING; empty for any
 * @param priority one of P1–P4; empty for any
 * @param assignment GROUP (default), ROUND_ROBIN or LEAST_LOADED
 * @param unassignedEscalationPercent 1–99, or empty for never
 * @param enabled default true
 */
public record RoutingRuleDraft(Long providerPartyId, String name, Integer position,
		@Schema(description = "condition: this catalogue service") Long serviceId,
		@Schema(description = "condition: this category, in any case") String category,
		@Schema(description = "condition: this customer unit or one below it") Long customerOrgUnitId,
		@Schema(description = "condition: this channel", example = "PORTAL") String channel,
		@Schema(description = "condition: this priority", example = "P1") String priority,
		@Schema(description = "the provider's group the ticket goes to") Long groupId,
		@Schema(example = "ROUND_ROBIN") String assignment, Integer unassignedEscalationPercent, Boolean enabled) {
}
