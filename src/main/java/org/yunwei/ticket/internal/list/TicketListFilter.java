package org.yunwei.ticket.internal.list;

import io.swagger.v3.oas.annotations.Parameter;

import java.time.ZoneId;

import org.yunwei.web.RejectedRequest;

/**
 * The filters of {@code GET /api/v1/tickets} and its Excel export, as the query string names them. Every filter is
 * optional; those given all apply.
 */
public record TicketListFilter(
		@Parameter(description = "comma-separated NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, or `open`") String status,
		@Parameter(description = "INCIDENT or SERVICE_REQUEST") String type,
		@Parameter(description = "comma-separated P1–P4") String priority,
		@Parameter(description = "an assignment group's id") Long groupId,
		@Parameter(description = "a user id, `me`, or `none` for unassigned") String assignee,
		@Parameter(description = "a customer organisation unit's id (that unit only, not those below it)") Long customerOrgUnitId,
		@Parameter(description = "a catalogue service's id") Long serviceId,
		@Parameter(description = "PORTAL, PHONE, EMAIL, API or MONITORING") String channel,
		@Parameter(description = "only major incidents (true)") Boolean major,
		@Parameter(description = "only tickets past their resolution due time") Boolean overdue,
		@Parameter(description = "`me` for the caller's own tickets, or a user id") String reporter,
		@Parameter(description = "a number, or text within the subject") String q,
		@Parameter(description = "created on or after this day (ISO date, Asia/Shanghai)", example = "2026-11-01") String createdFrom,
		@Parameter(description = "created on or before this day, included", example = "2026-11-30") String createdTo,
		@Parameter(description = "resolved on or after this day (tickets resolved then, resolved or closed now)") String resolvedFrom,
		@Parameter(description = "resolved on or before this day, included") String resolvedTo,
		@Parameter(description = "closed on or after this day") String closedFrom,
		@Parameter(description = "closed on or before this day, included") String closedTo,
		@Parameter(description = "age now, as the statistics' backlog buckets: LT_1D, D1_3, D3_7, D7_30 or GT_30D") String age,
		@Parameter(description = "the ticket's own category, exactly as written on it") String category,
		@Parameter(description = "a service catalogue category: tickets about a service in it or in a category below it") Long categoryId,
		@Parameter(description = "`any`: tickets with an SLA; `response-met`, `response-breached`, `resolution-met`, `resolution-breached`: those of them whose clock the SLA engine declared breached or not") String sla,
		@Parameter(description = "`true`: only tickets that were reopened (resolved more than once); `false`: never reopened") String reopened) {

	/**
	 * The list query; refuses (400, every unreadable parameter at once) what cannot be understood.
	 *
	 * @param me the asker's user id, for {@code me}
	 */
	public TicketQuery toQuery(long me, String sort, Integer limit, String cursor, ZoneId zone) {
		return TicketQuery.of(status, type, priority, groupId, person(assignee, "assignee", true, me),
				customerOrgUnitId, serviceId, channel, major, overdue, person(reporter, "reporter", false, me), q, sort,
				limit, cursor, new TicketQuery.Narrowing(createdFrom, createdTo, resolvedFrom, resolvedTo, closedFrom,
						closedTo, age, category, categoryId == null ? null : categoryId.toString(), sla, reopened),
				zone);
	}

	/** {@code me}, {@code none} or an id. */
	private static Long person(String value, String field, boolean noneAllowed, long me) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.equalsIgnoreCase("me")) {
			return me;
		}
		if (noneAllowed && value.equalsIgnoreCase("none")) {
			return TicketQuery.UNASSIGNED;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw RejectedRequest.invalidField(field, noneAllowed ? "ticket.filter.person-or-none.invalid"
					: "ticket.filter.person.invalid");
		}
	}
}
