package org.yunwei.ticket.internal.record;

import org.yunwei.web.FieldErrors;

/**
 * The checks of ticket fields that the intake, the lifecycle, the queries and the forms share: an impact or urgency
 * level, a service object. Each adds its complaint to {@code errors} and answers what
 * it could read.
 */
public final class TicketFields {

	/** The level an impact or urgency has when none is given: medium. */
	static final int DEFAULT_LEVEL = 2;

	private TicketFields() {
	}

	/** An impact or urgency: 1 (high) to 3 (low), {@link #DEFAULT_LEVEL} when none is given. */
	public static int level(Integer value, String field, FieldErrors errors) {
		if (value == null) {
			return DEFAULT_LEVEL;
		}
		if (value < 1 || value > 3) {
			errors.add(field, "ticket.level.invalid");
		}
		return value;
	}

	/** A {@link ServiceObject}'s name, cleaned; optional. */
	public static String serviceObject(String value, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned != null && !ServiceObject.isNamed(cleaned)) {
			errors.add("serviceObject", "ticket.service-object.invalid");
		}
		return cleaned;
	}
}
