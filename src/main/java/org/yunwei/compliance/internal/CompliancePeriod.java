package org.yunwei.compliance.internal;

import java.time.ZoneId;

import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;

/**
 * Reads the days the register's figures cover, both included; without dates, the current month. At most a year, as
 * the figures of a longer period are no assessment anyone asks for and would cost more than a page view should.
 */
final class CompliancePeriod {

	static final long LONGEST_DAYS = 366;

	private CompliancePeriod() {
	}

	/**
	 * Reads {@code from} and {@code to} (ISO dates); both missing means the current month. Refuses (400, every
	 * mistake at once) an unreadable date, only one of the two, {@code from} after {@code to}, or more than a year.
	 */
	static DateRange parse(String from, String to, ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		DateRange days = DateRange.both("from", from, "to", to, errors);
		if (days != null && days.days() > LONGEST_DAYS) {
			errors.add("to", "compliance.period.too-long");
		}
		errors.throwIfAny();
		return days == null ? DateRange.currentMonth(zone) : days;
	}
}
