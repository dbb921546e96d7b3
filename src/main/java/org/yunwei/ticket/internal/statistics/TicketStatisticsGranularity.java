package org.yunwei.ticket.internal.statistics;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/** The step of a trend: a point per day or per month of the period. */
enum TicketStatisticsGranularity {
	DAY("day"), MONTH("month");

	/** Longer periods are drawn by month unless days are asked for. */
	static final int DAYS_BY_DEFAULT = 92;
	/** A year of points per day is as much as a chart or a sheet shows legibly. */
	static final int MAX_DAYS = 366;

	private final String unit;

	TicketStatisticsGranularity(String unit) {
		this.unit = unit;
	}

	/** The unit of PostgreSQL's {@code date_trunc}. */
	String unit() {
		return unit;
	}

	/**
	 * {@code day} or {@code month}; none: by day up to {@value #DAYS_BY_DEFAULT} days, else by month. Days over more
	 * than {@value #MAX_DAYS} days are refused (400).
	 */
	static TicketStatisticsGranularity parse(String value, TicketStatisticsPeriod period) {
		String text = FieldErrors.clean(value);
		if (text == null) {
			return period.days() <= DAYS_BY_DEFAULT ? DAY : MONTH;
		}
		for (TicketStatisticsGranularity granularity : values()) {
			if (granularity.name().equalsIgnoreCase(text)) {
				if (granularity == DAY && period.days() > MAX_DAYS) {
					throw RejectedRequest.invalidField("granularity", "ticket-stats.granularity.too-many-days");
				}
				return granularity;
			}
		}
		throw RejectedRequest.invalidField("granularity", "ticket-stats.granularity.unknown");
	}
}
