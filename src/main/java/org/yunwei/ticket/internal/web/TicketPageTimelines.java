package org.yunwei.ticket.internal.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TimelineEntry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the timeline's stored details (JSON of what changed) into words: statuses, reasons and codes by their names in
 * the reader's language, groups and people by name, a field change as "from → to". Keys it does not know (entries
 * other parts of the system add, such as SLA events) are shown as they are, so that nothing is hidden.
 */
@Component
class TicketPageTimelines {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Set<String> PERSON_FIELDS = Set.of("assigneeUserId", "coordinatorUserId", "reporterUserId",
			"userId");
	private static final Map<String, String> ENUM_KEYS = Map.of("status", "ticket.status.", "pendingReason",
			"ticket.pending.", "resolutionCode", "ticket.resolution.", "channel", "ticket.channel.", "type",
			"ticket.type.", "impact", "ticket.level.", "urgency", "ticket.level.", "kind", "ticketui.link.kind.",
			"role", "ticketui.link.role.");

	private final MessageSource messages;
	private final TicketPageDirectory directory;

	TicketPageTimelines(MessageSource messages, TicketPageDirectory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	List<TicketPageEntry> of(List<TimelineEntry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		List<JsonNode> details = entries.stream().map(e -> e.details() == null ? null : JSON.readTree(e.details()))
			.toList();
		Set<Long> personIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		details.forEach(d -> collect(d, personIds, groupIds));
		Map<Long, String> people = directory.peopleNames(personIds);
		Map<Long, String> groups = new java.util.HashMap<>();
		groupIds.forEach(id -> groups.put(id, directory.groupName(id)));
		List<TicketPageEntry> shown = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			TimelineEntry entry = entries.get(i);
			JsonNode detail = details.get(i);
			List<TicketPageEntry.Line> lines = new ArrayList<>();
			boolean fromCustomer = false;
			if (detail != null && detail.isObject()) {
				for (Map.Entry<String, JsonNode> field : detail.properties()) {
					String name = field.getKey();
					JsonNode value = field.getValue();
					if (entry.kind() == EntryKind.REPLY && name.equals("from")) {
						fromCustomer = "CUSTOMER".equals(value.asString(""));
						continue;
					}
					if (skipped(entry.kind(), name)) {
						continue;
					}
					String label = messages.getMessage("ticketui.field." + name, null, name, locale);
					if (value.isObject() && value.has("to")) {
						lines.add(new TicketPageEntry.Line(label, word(name, value.get("from"), people, groups, locale),
								word(name, value.get("to"), people, groups, locale)));
					}
					else {
						lines.add(new TicketPageEntry.Line(label, null, word(name, value, people, groups, locale)));
					}
				}
			}
			shown.add(new TicketPageEntry(entry.id(), entry.kind(), !entry.visibleToCustomer(), fromCustomer,
					entry.authorName(), entry.createdAt(), entry.body(), entry.minutesSpent(), lines));
		}
		return shown;
	}

	private static boolean skipped(EntryKind kind, String name) {
		return name.equals("sha256") && kind == EntryKind.ATTACHMENT || name.equals("otherTicketId")
				|| name.equals("kind") && kind == EntryKind.LINKED;
	}

	private String word(String field, JsonNode value, Map<Long, String> people, Map<Long, String> groups,
			Locale locale) {
		if (value == null || value.isNull()) {
			return "—";
		}
		String text = value.isString() ? value.asString() : value.toString();
		if (value.isNumber() && PERSON_FIELDS.contains(field)) {
			return people.getOrDefault(value.asLong(), "#" + text);
		}
		if (value.isNumber() && field.equals("groupId")) {
			String name = groups.get(value.asLong());
			return name == null ? "#" + text : name;
		}
		if (value.isBoolean()) {
			return messages.getMessage(value.asBoolean() ? "ticketui.yes" : "ticketui.no", null, text, locale);
		}
		if (field.equals("sizeBytes") && value.isNumber()) {
			return TicketPageFormat.size(value.asLong());
		}
		String prefix = ENUM_KEYS.get(field);
		return prefix == null ? text : messages.getMessage(prefix + text, null, text, locale);
	}

	private static void collect(JsonNode detail, Set<Long> personIds, Set<Long> groupIds) {
		if (detail == null || !detail.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> field : detail.properties()) {
			List<JsonNode> values = field.getValue().isObject()
					? List.of(field.getValue().path("from"), field.getValue().path("to")) : List.of(field.getValue());
			for (JsonNode value : values) {
				if (value.isNumber() && PERSON_FIELDS.contains(field.getKey())) {
					personIds.add(value.asLong());
				}
				if (value.isNumber() && field.getKey().equals("groupId")) {
					groupIds.add(value.asLong());
				}
			}
		}
	}
}
