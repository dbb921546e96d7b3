package org.yunwei.ticket.internal.group;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.sla.EscalationGroups;

/** Offers the assignment groups to the SLA editor's functional escalation steps, within the reader's scope. */
@Component
class GroupsAsEscalationTargets implements EscalationGroups {

	private final AssignmentGroups groups;

	GroupsAsEscalationTargets(AssignmentGroups groups) {
		this.groups = groups;
	}

	@Override
	public List<EscalationGroup> visibleTo(DataScope scope) {
		return groups.visibleTo(scope).stream()
			.map(group -> new EscalationGroup(group.code(), group.name(), group.partyId(), group.enabled()))
			.toList();
	}
}
