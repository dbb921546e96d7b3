package org.yunwei.ticket.internal.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.TimelineNote;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.TimelineEntry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the timeline's stored details (JSON of what changed) into sentences in the reader's language: each detail's
 * label and value come from the message keys described on {@link TimelineNote} ({@code timeline.field.*},
 * {@code timeline.value.*}, {@code timeline.format.*}), which every module writing entries contributes in its own
 * bundle; the ticket's own codes keep their {@code ticket.*} names, groups and people are shown by name, a field
 * change as "from → to". A detail without a label is shown under its key, which the page tests catch.
 */
@Component
class TicketPageTimelines {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Set<String> PERSON_FIELDS = Set.of("assigneeUserId", "coordinatorUserId", "reporterUserId",
			"userId", "fromAssigneeUserId", "notifiedUserIds");
	private static final Set<String> GROUP_FIELDS = Set.of("groupId", "fromGroupId", "toGroupId");
	private static final Set<String> TIME_FIELDS = Set.of("deadline");
	private static final Map<String, String> ENUM_KEYS = Map.of("status", "ticket.status.", "pendingReason",
			"ticket.pending.", "resolutionCode", "ticket.resolution.", "channel", "ticket.channel.", "type",
			"ticket.type.", "impact", "ticket.level.", "urgency", "ticket.level.", "kind", "ticketui.link.kind.",
			"role", "ticketui.link.role.", "clock", "ticket.clock.");

	private final MessageSource messages;
	private final TicketPageDirectory directory;
	private final TicketPageFormat format;

	TicketPageTimelines(MessageSource messages, TicketPageDirectory directory, TicketSettings settings) {
		this.messages = messages;
		this.directory = directory;
		this.format = new TicketPageFormat(settings.zone());
	}

	List<TicketPageEntry> of(List<TimelineEntry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		List<JsonNode> details = entries.stream().map(e -> e.details() == null ? null : JSON.readTree(e.details()))
			.toList();
		Set<Long> personIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		details.forEach(d -> collect(d, personIds, groupIds));
		Names names = new Names(directory.peopleNames(personIds), new java.util.HashMap<>());
		groupIds.forEach(id -> names.groups().put(id, directory.groupName(id)));
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
					if (skipped(entry.kind(), name) || value.isNull()) {
						continue;
					}
					String label = label(entry.kind(), name, locale);
					if (value.isObject() && value.has("to")) {
						lines.add(new TicketPageEntry.Line(label, word(entry.kind(), name, value.get("from"), names,
								locale), word(entry.kind(), name, value.get("to"), names, locale)));
					}
					else {
						lines.add(new TicketPageEntry.Line(label, null, word(entry.kind(), name, value, names, locale)));
					}
				}
			}
			shown.add(new TicketPageEntry(entry.id(), entry.kind(), !entry.visibleToCustomer(), fromCustomer,
					entry.authorName(), entry.createdAt(), entry.body(), entry.minutesSpent(), lines));
		}
		return shown;
	}

	private static boolean skipped(EntryKind kind, String name) {
		return name.equals("sha256") || name.equals("otherTicketId") || name.equals("ticketId")
				|| name.equals("kind") && kind == EntryKind.LINKED;
	}

	private String label(EntryKind kind, String field, Locale locale) {
		String label = message(locale, "timeline.field." + kind + "." + field, "timeline.field." + field,
				"ticketui.field." + field);
		return label == null ? field : label;
	}

	private String word(EntryKind kind, String field, JsonNode value, Names names, Locale locale) {
		if (value == null || value.isNull()) {
			return "—";
		}
		if (value.isArray()) {
			List<String> words = new ArrayList<>();
			value.forEach(v -> words.add(word(kind, field, v, names, locale)));
			return String.join("、", words);
		}
		if (value.isObject()) {
			// a described file of an e-mail: its name says what it is
			return value.has("filename") ? value.get("filename").asString() : value.toString();
		}
		String text = value.isString() ? value.asString() : value.toString();
		if (value.isNumber() && PERSON_FIELDS.contains(field)) {
			return names.people().getOrDefault(value.asLong(), "#" + text);
		}
		if (value.isNumber() && GROUP_FIELDS.contains(field)) {
			String name = names.groups().get(value.asLong());
			return name == null ? "#" + text : name;
		}
		if (field.equals("sizeBytes") && value.isNumber()) {
			return TicketPageFormat.size(value.asLong());
		}
		if (TIME_FIELDS.contains(field) && value.isString()) {
			try {
				text = format.time(Instant.parse(text));
			}
			catch (DateTimeParseException notAnInstant) {
				// shown as stored
			}
		}
		String prefix = ENUM_KEYS.get(field);
		String word = message(locale, "timeline.value." + kind + "." + field + "." + text,
				"timeline.value." + field + "." + text, prefix == null ? null : prefix + text);
		if (word != null) {
			return word;
		}
		if (value.isBoolean()) {
			return messages.getMessage(value.asBoolean() ? "ticketui.yes" : "ticketui.no", null, text, locale);
		}
		Object[] argument = { value.isNumber() ? value.numberValue() : text };
		String formatted = message(locale, argument, "timeline.format." + kind + "." + field,
				"timeline.format." + field);
		return formatted == null ? text : formatted;
	}

	/** The first of the keys that has a message, or {@code null}. */
	private String message(Locale locale, String... keys) {
		return message(locale, null, keys);
	}

	private String message(Locale locale, Object[] arguments, String... keys) {
		for (String key : keys) {
			if (key == null) {
				continue;
			}
			try {
				return messages.getMessage(key, arguments, locale);
			}
			catch (NoSuchMessageException absent) {
				// try the next, more general key
			}
		}
		return null;
	}

	private static void collect(JsonNode detail, Set<Long> personIds, Set<Long> groupIds) {
		if (detail == null || !detail.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> field : detail.properties()) {
			JsonNode value = field.getValue();
			List<JsonNode> values = value.isObject() ? List.of(value.path("from"), value.path("to"))
					: value.isArray() ? value.valueStream().collect(Collectors.toList()) : List.of(value);
			for (JsonNode one : values) {
				if (one.isNumber() && PERSON_FIELDS.contains(field.getKey())) {
					personIds.add(one.asLong());
				}
				if (one.isNumber() && GROUP_FIELDS.contains(field.getKey())) {
					groupIds.add(one.asLong());
				}
			}
		}
	}

	private record Names(Map<Long, String> people, Map<Long, String> groups) {
	}
}
