package org.yunwei.sla.internal.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.yunwei.sla.ClockKind;
import org.yunwei.sla.Priority;

/**
 * The attainment of one agreement for one kind of clock in a period, over all priorities ({@code priority} null)
 * or one of them.
 *
 * @param counted clocks that stopped in the period
 * @param attained those of them that stopped in time
 * @param breached those that stopped late
 * @param rate attained in percent of counted, one decimal; {@code null} when nothing was counted
 */
public record AttainmentRow(long agreementId, String agreementCode, String agreementName, ClockKind kind,
		Priority priority, long counted, long attained, long breached, BigDecimal rate) {

	static AttainmentRow of(long agreementId, String code, String name, ClockKind kind, Priority priority,
			long counted, long attained) {
		return new AttainmentRow(agreementId, code, name, kind, priority, counted, attained, counted - attained,
				rate(counted, attained));
	}

	static BigDecimal rate(long counted, long attained) {
		return counted == 0 ? null
				: BigDecimal.valueOf(attained * 100L).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
	}
}
