package org.yunwei.evaluation.internal;

import java.time.Instant;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

/**
 * What the return-visit worklist is filtered by, and where a keyset page starts; the list is newest resolution first.
 *
 * @param status resolved or closed, {@code null} for both
 * @param reason one reason to be on the list, {@code null} for any
 * @param q a number, or text within the subject
 */
public record ReturnVisitQuery(FinishedStatus status, Long groupId, Long customerOrgUnitId, ReturnVisitReason reason,
		String q, int limit, Cursor after) {

	/** Reads request parameters, refusing (400, naming the parameter) what cannot be understood. */
	public static ReturnVisitQuery of(String status, Long groupId, Long customerOrgUnitId, String reason, String q,
			Integer limit, String cursor) {
		FieldErrors errors = new FieldErrors();
		FinishedStatus state = blank(status) ? null : FinishedStatus.parse(status);
		if (!blank(status) && state == null) {
			errors.add("status", "return-visit.status.invalid");
		}
		ReturnVisitReason why = blank(reason) ? null
				: errors.constant(ReturnVisitReason.class, reason, "reason");
		int size = KeysetPage.limit(limit, errors, "evaluation.limit.invalid");
		Cursor after = null;
		if (!blank(cursor)) {
			after = Cursor.decode(cursor);
			if (after == null) {
				errors.add("cursor", "evaluation.cursor.invalid");
			}
		}
		String text = FieldErrors.clean(q);
		errors.optional("q", text, 200).throwIfAny();
		return new ReturnVisitQuery(state, groupId, customerOrgUnitId, why, text, size, after);
	}

	public static ReturnVisitQuery firstPage() {
		return new ReturnVisitQuery(null, null, null, null, null, KeysetPage.DEFAULT_LIMIT, null);
	}

	/** The two states of a ticket that the worklist holds. */
	public enum FinishedStatus {
		RESOLVED, CLOSED;

		static FinishedStatus parse(String value) {
			for (FinishedStatus status : values()) {
				if (status.name().equalsIgnoreCase(value.strip())) {
					return status;
				}
			}
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The last row of a page: its resolution time and id. */
	public record Cursor(Instant resolvedAt, long ticketId) {

		static Cursor after(ReturnVisitDue row) {
			return new Cursor(row.resolvedAt(), row.ticketId());
		}

		String encode() {
			return KeysetCursor.encode(ticketId, resolvedAt);
		}

		static Cursor decode(String text) {
			try {
				return KeysetCursor.decode(text, 2)
					.map(parts -> new Cursor(Instant.parse(parts[1]), Long.parseLong(parts[0])))
					.orElse(null);
			}
			catch (RuntimeException malformed) {
				return null;
			}
		}
	}
}
