package org.yunwei.ticket.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yunwei.ticket.internal.record.TicketRow;

/**
 * What the small forms of a ticket's detail page send (assign, pend, resolve, reply, note, work log, fields, major
 * incident, link), as typed: one record for all of them, so that the form that failed is drawn again with its text.
 */
public record TicketPageActionForm(String groupId, String assigneeUserId, String comment, String reason,
		String resolutionCode, String resolutionText, String body, String minutes, String subject, String category,
		String serviceObject, String configurationItem, String impact, String urgency, String major,
		String coordinatorUserId, String otherNumber, String otherTicketId, String kind) {

	static final TicketPageActionForm EMPTY = new TicketPageActionForm(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null);

	/** The fields form, filled with the ticket's current values. */
	static TicketPageActionForm of(TicketRow t) {
		return new TicketPageActionForm(t.groupId() == null ? null : t.groupId().toString(),
				t.assigneeUserId() == null ? null : t.assigneeUserId().toString(), null, null, null, null, null, null,
				t.subject(), t.category(), t.serviceObject(), t.configurationItem(), String.valueOf(t.impact()),
				String.valueOf(t.urgency()), String.valueOf(t.major()),
				t.coordinatorUserId() == null ? null : t.coordinatorUserId().toString(), null, null, null);
	}

	public boolean is(String typed, Object value) {
		return typed != null && value != null && typed.equals(String.valueOf(value));
	}

	Numbers numbers() {
		Map<String, String> errors = new LinkedHashMap<>();
		return new Numbers(TicketPageDraftForm.number(groupId, "groupId", errors),
				TicketPageDraftForm.number(assigneeUserId, "assigneeUserId", errors),
				TicketPageDraftForm.level(minutes, "minutes", errors), TicketPageDraftForm.level(impact, "impact", errors),
				TicketPageDraftForm.level(urgency, "urgency", errors),
				TicketPageDraftForm.number(coordinatorUserId, "coordinatorUserId", errors),
				TicketPageDraftForm.number(otherTicketId, "otherTicketId", errors), errors);
	}

	/** The numeric fields read, and those whose text is no number. */
	record Numbers(Long groupId, Long assigneeUserId, Integer minutes, Integer impact, Integer urgency,
			Long coordinatorUserId, Long otherTicketId, Map<String, String> errors) {
	}
}
