package org.yunwei.ticket.internal.list;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

/**
 * What a ticket list is filtered and sorted by, and where a keyset page starts. Lists are the agent queues
 * (by group or assignee and status, most urgent SLA first) and the customers' "my tickets" (newest first).
 *
 * @param statuses empty for all
 * @param assigneeUserId {@code -1} stands for "unassigned"
 * @param q a number, or text within the subject
 * @param created when the tickets were created, {@code null} for any time; likewise {@code resolved} and
 *        {@code closed}
 * @param age how long the tickets have existed, as the statistics' backlog buckets count it
 * @param category the ticket's own category, exactly
 * @param categoryId a category of the service catalogue: tickets about a service in it or in a category below it
 * @param sla tickets with an SLA, or those of them whose response or resolution clock was (not) breached
 * @param reopened only the tickets that were ({@code true}) or were never ({@code false}) reopened
 */
public record TicketQuery(Set<TicketStatus> statuses, TicketType type, Set<String> priorities, Long groupId,
		Long assigneeUserId, Long customerOrgUnitId, Long serviceId, Channel channel, Boolean major, Boolean overdue,
		Long reporterUserId, String q, Window created, Window resolved, Window closed, Age age, String category,
		Long categoryId, SlaOutcome sla, Boolean reopened, Sort sort, int limit, Cursor after) {

	private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern
		.compile("(?i)[a-z]{2,5}-\\d{8}-[a-z0-9]+");

	static final int DEFAULT_LIMIT = KeysetPage.DEFAULT_LIMIT;
	public static final int MAX_LIMIT = KeysetPage.MAX_LIMIT;
	public static final long UNASSIGNED = -1;

	/** The order of a list, the id breaking ties. */
	public enum Sort {
		/** Newest first. */
		CREATED,
		/** The earliest resolution due time first; tickets without one (no SLA, pending, resolved) last. */
		DUE
	}

	/** Instants from (included) to (excluded), either end open ({@code null}). */
	public record Window(Instant from, Instant to) {

		static Window of(DateRange days, ZoneId zone) {
			return days == null ? null : new Window(days.start(zone), days.end(zone));
		}
	}

	/**
	 * The statistics' backlog buckets by age (docs/ticket-statistics.md): at least {@code minDays} old (more than,
	 * for a bucket that starts above zero, as the statistics count) and younger than {@code maxDays}.
	 */
	public enum Age {
		LT_1D(0, 1), D1_3(1, 3), D3_7(3, 7), D7_30(7, 30), GT_30D(30, 0);

		private final int minDays;
		private final int maxDays;

		Age(int minDays, int maxDays) {
			this.minDays = minDays;
			this.maxDays = maxDays;
		}

		/** Created at or before this ({@code null}: no bound), as seen at {@code now}. */
		Instant createdUntil(Instant now) {
			return minDays == 0 ? null : now.minus(Duration.ofDays(minDays));
		}

		/** Created after this ({@code null}: no bound). */
		Instant createdAfter(Instant now) {
			return maxDays == 0 ? null : now.minus(Duration.ofDays(maxDays));
		}
	}

	/**
	 * Tickets with an SLA (an agreement applied to them), and of those the ones whose clock the SLA engine declared
	 * breached or not, as the statistics' attainment counts them; written {@code any}, {@code response-met},
	 * {@code resolution-breached} and so on.
	 */
	public enum SlaOutcome {
		ANY(null, false), RESPONSE_MET("response_breached_at", false), RESPONSE_BREACHED("response_breached_at", true),
		RESOLUTION_MET("resolution_breached_at", false), RESOLUTION_BREACHED("resolution_breached_at", true);

		private final String breachColumn;
		private final boolean breached;

		SlaOutcome(String breachColumn, boolean breached) {
			this.breachColumn = breachColumn;
			this.breached = breached;
		}

		/** The condition on the ticket table, after {@code and}. */
		String sql() {
			return "agreement_id is not null" + (breachColumn == null ? ""
					: " and " + breachColumn + (breached ? " is not null" : " is null"));
		}

		/** As a parameter value, e.g. {@code response-met}. */
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		static SlaOutcome parse(String text, FieldErrors errors) {
			for (SlaOutcome outcome : values()) {
				if (outcome.value().equalsIgnoreCase(text.strip())) {
					return outcome;
				}
			}
			errors.add("sla", "ticket.filter.sla.invalid");
			return null;
		}
	}

	/**
	 * The filters beyond the queues', as typed: days of creation, resolution and closing (ISO dates, both ends
	 * included, either may be left out), the backlog's age bucket, the ticket's own category and a catalogue
	 * category's id.
	 */
	public record Narrowing(String createdFrom, String createdTo, String resolvedFrom, String resolvedTo,
			String closedFrom, String closedTo, String age, String category, String categoryId, String sla,
			String reopened) {

		static final Narrowing NONE = new Narrowing(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** A list without the narrowing filters (dates, age, categories). */
	public static TicketQuery of(String status, String type, String priority, Long groupId, Long assigneeUserId,
			Long customerOrgUnitId, Long serviceId, String channel, Boolean major, Boolean overdue,
			Long reporterUserId, String q, String sort, Integer limit, String cursor) {
		return of(status, type, priority, groupId, assigneeUserId, customerOrgUnitId, serviceId, channel, major,
				overdue, reporterUserId, q, sort, limit, cursor, Narrowing.NONE, ZoneId.systemDefault());
	}

	/**
	 * Reads request parameters, refusing (400, naming the parameter) what cannot be understood.
	 *
	 * @param status comma-separated statuses, or {@code open} for the four open ones
	 * @param priority comma-separated P1–P4
	 * @param zone the service desk's, in which days begin and end
	 */
	public static TicketQuery of(String status, String type, String priority, Long groupId, Long assigneeUserId,
			Long customerOrgUnitId, Long serviceId, String channel, Boolean major, Boolean overdue,
			Long reporterUserId, String q, String sort, Integer limit, String cursor, Narrowing narrowing,
			ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		Window created = Window.of(DateRange.optional("createdFrom", narrowing.createdFrom(), "createdTo",
				narrowing.createdTo(), errors), zone);
		Window resolved = Window.of(DateRange.optional("resolvedFrom", narrowing.resolvedFrom(), "resolvedTo",
				narrowing.resolvedTo(), errors), zone);
		Window closed = Window.of(DateRange.optional("closedFrom", narrowing.closedFrom(), "closedTo",
				narrowing.closedTo(), errors), zone);
		Age age = FieldErrors.clean(narrowing.age()) == null ? null
				: errors.constant(Age.class, narrowing.age().strip(), "age");
		String category = FieldErrors.clean(narrowing.category());
		errors.optional("category", category, 100);
		SlaOutcome sla = FieldErrors.clean(narrowing.sla()) == null ? null : SlaOutcome.parse(narrowing.sla(), errors);
		Boolean reopened = null;
		if (FieldErrors.clean(narrowing.reopened()) != null) {
			reopened = switch (narrowing.reopened().strip().toLowerCase(java.util.Locale.ROOT)) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> {
					errors.add("reopened", "ticket.filter.reopened.invalid");
					yield null;
				}
			};
		}
		Long categoryId = null;
		if (FieldErrors.clean(narrowing.categoryId()) != null) {
			try {
				categoryId = Long.valueOf(narrowing.categoryId().strip());
			}
			catch (NumberFormatException notANumber) {
				errors.add("categoryId", "field.number");
			}
		}
		Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
		for (String value : split(status)) {
			if (value.equalsIgnoreCase("open")) {
				statuses.addAll(TicketStatus.OPEN);
			}
			else {
				TicketStatus parsed = errors.constant(TicketStatus.class, value, "status");
				if (parsed != null) {
					statuses.add(parsed);
				}
			}
		}
		TicketType ticketType = type == null || type.isBlank() ? null
				: errors.constant(TicketType.class, type, "type");
		Set<String> priorities = new java.util.TreeSet<>();
		for (String value : split(priority)) {
			if (value.toUpperCase().matches("P[1-4]")) {
				priorities.add(value.toUpperCase());
			}
			else {
				errors.add("priority", "ticket.filter.priority.invalid");
			}
		}
		Channel ticketChannel = channel == null || channel.isBlank() ? null
				: errors.constant(Channel.class, channel, "channel");
		Sort order = sort == null || sort.isBlank() ? Sort.CREATED
				: errors.constant(Sort.class, sort, "sort");
		int size = KeysetPage.limit(limit, errors, "ticket.limit.invalid");
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
				serviceId, ticketChannel, major, overdue, reporterUserId, text, created, resolved, closed, age, category,
				categoryId, sla, reopened, order, size, after);
	}

	/** The same filters and sort, another page. */
	public TicketQuery page(int size, Cursor start) {
		return new TicketQuery(statuses, type, priorities, groupId, assigneeUserId, customerOrgUnitId, serviceId,
				channel, major, overdue, reporterUserId, q, created, resolved, closed, age, category, categoryId, sla,
				reopened, sort, size, start);
	}

	/** Whether a search text is a whole ticket number, e.g. {@code INC-20261122-0001}, and only that. */
	public static boolean looksLikeNumber(String text) {
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

		public static Cursor after(Sort sort, TicketSummary row) {
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
