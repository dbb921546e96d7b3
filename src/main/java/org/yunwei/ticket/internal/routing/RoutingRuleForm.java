package org.yunwei.ticket.internal.routing;

import org.yunwei.web.FieldErrors;

/** The routing rule form as typed: numbers as text, an empty choice for "any", a checkbox left unticked absent. */
record RoutingRuleForm(Long providerPartyId, String name, String position, Long serviceId, String category,
		Long customerOrgUnitId, String channel, String priority, Long groupId, String assignment,
		String unassignedEscalationPercent, Boolean enabled) {

	static RoutingRuleForm blank() {
		return new RoutingRuleForm(null, null, "100", null, null, null, null, null, null, AutoAssignment.GROUP.name(),
				null, true);
	}

	static RoutingRuleForm of(RoutingRule rule) {
		return new RoutingRuleForm(rule.providerPartyId(), rule.name(), String.valueOf(rule.position()),
				rule.serviceId(), rule.category(), rule.customerOrgUnitId(),
				rule.channel() == null ? null : rule.channel().name(),
				rule.priority() == null ? null : rule.priority().name(), rule.groupId(), rule.assignment().name(),
				rule.unassignedEscalationPercent() == null ? null : String.valueOf(rule.unassignedEscalationPercent()),
				rule.enabled());
	}

	/** The draft to submit; a number field that holds no number is refused here. */
	RoutingRuleDraft draft() {
		FieldErrors errors = new FieldErrors();
		Integer number = errors.smallNumber("position", position);
		Integer percent = errors.smallNumber("unassignedEscalationPercent", unassignedEscalationPercent);
		errors.throwIfAny();
		return new RoutingRuleDraft(providerPartyId, name, number, serviceId, category, customerOrgUnitId, channel,
				priority, groupId, assignment, percent, Boolean.TRUE.equals(enabled));
	}
}
