package org.yunwei.inspection.internal.check;

import java.time.Duration;

/** The spans a check's charts offer, ending now: the results are kept 90 days, so the longest is 90 days. */
public enum CheckPeriod {
	DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), QUARTER(Duration.ofDays(90));

	private final Duration length;

	CheckPeriod(Duration length) {
		this.length = length;
	}

	public Duration length() {
		return length;
	}
}
