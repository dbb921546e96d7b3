package org.yunwei.ticket.internal.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.PersonChangedParty;

/**
 * A person moved to another party leaves the assignment groups (and the group leads) of every other party: a group
 * member hears of every ticket of the group that nobody has taken yet, of its SLA warnings and escalations, so a
 * member left behind would go on reading another party's tickets in their notifications. Each group changed is
 * audited as an administrator's change would be, by the directory's move. Delivered again after a failure: a second
 * delivery finds nothing left to remove.
 */
@Component
class GroupsFollowPartyMoves {

	static final String AUTHOR = "DIRECTORY";

	private final AssignmentGroups groups;
	private final AuditTrail audit;

	GroupsFollowPartyMoves(AssignmentGroups groups, AuditTrail audit) {
		this.groups = groups;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(PersonChangedParty moved) {
		List<AssignmentGroup> left = groups.all().stream()
			.filter(g -> g.partyId() != moved.toPartyId())
			.filter(g -> g.memberIds().contains(moved.userId()) || Long.valueOf(moved.userId()).equals(g.leadUserId()))
			.toList();
		for (AssignmentGroup group : left) {
			groups.removePerson(group.id(), moved.userId());
			AssignmentGroup after = groups.find(group.id()).orElseThrow();
			audit.record(AuditEntry.of("TICKET_GROUP_CHANGED", "ticket_group", group.id())
				.before(people(group))
				.after(people(after))
				.detail("moved to another party: user " + moved.userId())
				.actor(AUTHOR));
		}
	}

	private static Map<String, Object> people(AssignmentGroup group) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("leadUserId", group.leadUserId());
		values.put("memberIds", group.memberIds());
		return values;
	}
}
