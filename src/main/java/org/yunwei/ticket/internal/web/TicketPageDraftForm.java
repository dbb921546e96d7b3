package org.yunwei.ticket.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.web.FieldErrors;

/**
 * The new-ticket form as typed (portal and phone intake), kept as text so that a failed submit shows exactly what was
 * entered.
 */
public record TicketPageDraftForm(String type, String subject, String description, String customerOrgUnitId,
		String reporterUserId, String reporterName, String reporterContact, String channel, String serviceId,
		String serviceObject, String configurationItem, String category, String impact, String urgency,
		String groupId, String assigneeUserId) {

	static TicketPageDraftForm forService(Long serviceId) {
		return new TicketPageDraftForm("INCIDENT", null, null, null, null, null, null, null,
				serviceId == null ? null : serviceId.toString(), null, null, null, "2", "2", null, null);
	}

	static TicketPageDraftForm phoneCall() {
		return new TicketPageDraftForm("INCIDENT", null, null, null, null, null, null, "PHONE", null, null, null, null,
				"2", "2", null, null);
	}

	/** Whether a choice with this value is the one typed, for {@code selected} and {@code checked}. */
	public boolean is(String typed, Object value) {
		return typed != null && value != null && typed.equals(String.valueOf(value));
	}

	/**
	 * What the intake would receive, and beside it the fields whose text is not even a number; both kinds of mistake
	 * are shown together.
	 */
	Parsed parse() {
		Map<String, String> errors = new LinkedHashMap<>();
		TicketDraft draft = new TicketDraft(type, subject, description, number(customerOrgUnitId, "customerOrgUnitId",
				errors), number(reporterUserId, "reporterUserId", errors), reporterName, reporterContact, channel,
				number(serviceId, "serviceId", errors), FieldErrors.clean(serviceObject), configurationItem, category,
				level(impact, "impact", errors), level(urgency, "urgency", errors), number(groupId, "groupId", errors),
				number(assigneeUserId, "assigneeUserId", errors));
		return new Parsed(draft, errors);
	}

	record Parsed(TicketDraft draft, Map<String, String> errors) {
	}

	static Long number(String text, String field, Map<String, String> errors) {
		String value = FieldErrors.clean(text);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException notANumber) {
			errors.putIfAbsent(field, "field.number");
			return null;
		}
	}

	static Integer level(String text, String field, Map<String, String> errors) {
		Long value = number(text, field, errors);
		return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}
}
