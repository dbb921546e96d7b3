package org.yunwei.ticket.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;

/**
 * What a ticket list is filtered and sorted by, and where a keyset page starts. Lists are the agent queues
 * (by group or assignee and status, most urgent SLA first) and the customers' "my tickets" (newest first).
 *
 * @param statuses empty for all
 * @param assigneeUserId {@code -1} stands for "unassigned"
 * @param q a number, or text within the subject
 */
public record TicketQuery(Set<TicketStatus> statuses, TicketType type, Set<String> priorities, Long groupId,
		Long assigneeUserId, Long customerOrgUnitId, Long serviceId, Channel channel, Boolean major, Boolean overdue,
		Long reporterUserId, String q, Sort sort, int limit, Cursor after) {

	private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern
		.compile("(?i)[a-z]{2,5}-\\d{8}-[a-z0-9]+");

	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;
	public static final long UNASSIGNED = -1;

	/** The order of a list, the id breaking ties. */
	public enum Sort {
		/** Newest first. */
		CREATED,
		/** The earliest resolution due time first; tickets without one (no SLA, pending, resolved) last. */
		DUE
	}

	/**
	 * Reads request parameters, refusing (400, naming the parameter) what cannot be understood.
	 *
	 * @param status comma-separated statuses, or {@code open} for the four open ones
	 * @param priority comma-separated P1–P4
	 */
	public static TicketQuery of(String status, String type, String priority, Long groupId, Long assigneeUserId,
			Long customerOrgUnitId, Long serviceId, String channel, Boolean major, Boolean overdue,
			Long reporterUserId, String q, String sort, Integer limit, String cursor) {
		FieldErrors errors = new FieldErrors();
		Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
		for (String value : split(status)) {
			if (value.equalsIgnoreCase("open")) {
				statuses.addAll(TicketStatus.OPEN);
			}
			else {
				TicketStatus parsed = TicketIntake.parse(TicketStatus.class, value, "status", errors);
				if (parsed != null) {
					statuses.add(parsed);
				}
			}
		}
		TicketType ticketType = type == null || type.isBlank() ? null
				: TicketIntake.parse(TicketType.class, type, "type", errors);
		Set<String> priorities = new java.util.TreeSet<>();
		for (String value : split(priority)) {
			if (value.toUpperCase().matches("P[1-4]")) {
				priorities.add(value.toUpperCase());
			}
			else {
				errors.add("priority", "ticket.value.unknown");
			}
		}
		Channel ticketChannel = channel == null || channel.isBlank() ? null
				: TicketIntake.parse(Channel.class, channel, "channel", errors);
		Sort order = sort == null || sort.isBlank() ? Sort.CREATED
				: TicketIntake.parse(Sort.class, sort, "sort", errors);
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", "ticket.limit.invalid");
		}
		Cursor after = null;
		if (cursor != null && !cursor.isBlank()) {
			after = Cursor.decode(cursor);
			if (after == null || after.sort() != order) {
				errors.add("cursor", "ticket.cursor.invalid");
			}
		}
		String text = FieldErrors.clean(q);
		errors.optional("q", text, 200);
		errors.throwIfAny();
		return new TicketQuery(statuses, ticketType, priorities, groupId, assigneeUserId, customerOrgUnitId,
				serviceId, ticketChannel, major, overdue, reporterUserId, text, order, size, after);
	}

	/** Whether a search text is a whole ticket number, e.g. {@code INC-20261122-0001}, and only that. */
	static boolean looksLikeNumber(String text) {
		return NUMBER.matcher(text).matches();
	}

	private static List<String> split(String values) {
		List<String> parts = new ArrayList<>();
		if (values != null) {
			for (String part : values.split(",")) {
				if (!part.isBlank()) {
					parts.add(part.strip());
				}
			}
		}
		return parts;
	}

	/**
	 * The place after which a page starts: the sort, the last row's id and its sort value ({@code null} due time
	 * for a row in the "no due time" tail of a DUE list).
	 */
	public record Cursor(Sort sort, long id, Instant value) {

		static Cursor after(Sort sort, TicketSummary row) {
			return new Cursor(sort, row.id(), sort == Sort.CREATED ? row.createdAt() : row.resolutionDueAt());
		}

		String encode() {
			return KeysetCursor.encode(sort.name(), id, value == null ? "" : value.toString());
		}

		static Cursor decode(String text) {
			String[] parts = KeysetCursor.decode(text, 3).orElse(null);
			if (parts == null) {
				return null;
			}
			try {
				Sort sort = Sort.valueOf(parts[0]);
				Instant value = parts[2].isEmpty() ? null : Instant.parse(parts[2]);
				if (sort == Sort.CREATED && value == null) {
					return null;
				}
				return new Cursor(sort, Long.parseLong(parts[1]), value);
			}
			catch (RuntimeException malformed) {
				return null;
			}
		}
	}
}
