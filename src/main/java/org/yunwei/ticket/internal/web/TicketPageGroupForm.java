package org.yunwei.ticket.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.GroupDraft;

/** The assignment group form as typed; the chosen members come beside it as {@code memberIds}. */
public record TicketPageGroupForm(String code, String name, String partyId, String leadUserId,
		String escalationGroupId, String enabled) {

	static TicketPageGroupForm empty(Long partyId) {
		return new TicketPageGroupForm(null, null, partyId == null ? null : partyId.toString(), null, null, "true");
	}

	static TicketPageGroupForm of(AssignmentGroup group) {
		return new TicketPageGroupForm(group.code(), group.name(), String.valueOf(group.partyId()),
				group.leadUserId() == null ? null : group.leadUserId().toString(),
				group.escalationGroupId() == null ? null : group.escalationGroupId().toString(),
				String.valueOf(group.enabled()));
	}

	public boolean is(String typed, Object value) {
		return typed != null && value != null && typed.equals(String.valueOf(value));
	}

	public boolean isEnabled() {
		return "true".equals(enabled) || "on".equals(enabled);
	}

	/** What the administration would receive, and the fields whose text is no number. */
	Parsed parse(List<String> memberIds, boolean creating) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Long> members = new ArrayList<>();
		for (String id : memberIds == null ? List.<String>of() : memberIds) {
			Long member = TicketPageDraftForm.number(id, "memberIds", errors);
			if (member != null) {
				members.add(member);
			}
		}
		GroupDraft draft = new GroupDraft(code, name,
				creating ? TicketPageDraftForm.number(partyId, "partyId", errors) : null,
				TicketPageDraftForm.number(leadUserId, "leadUserId", errors),
				TicketPageDraftForm.number(escalationGroupId, "escalationGroupId", errors), members,
				creating ? null : isEnabled());
		return new Parsed(draft, errors);
	}

	record Parsed(GroupDraft draft, Map<String, String> errors) {
	}
}
