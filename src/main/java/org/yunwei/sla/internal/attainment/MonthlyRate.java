package org.yunwei.sla.internal.attainment;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.yunwei.sla.ClockKind;

/**
 * One month of an agreement's trend for one kind of clock.
 *
 * @param rate attained in percent of counted; {@code null} when nothing stopped that month
 */
public record MonthlyRate(YearMonth month, ClockKind kind, long counted, long attained, BigDecimal rate) {

	/** The rate rounded to a whole percent, for a progress bar; 0 when nothing was counted. */
	public int barPercent() {
		return rate == null ? 0 : rate.intValue();
	}
}
