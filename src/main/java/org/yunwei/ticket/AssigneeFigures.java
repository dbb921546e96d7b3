package org.yunwei.ticket;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One person's handling of tickets in a period (处理相关运行维护问题的及时性与质量, Hunan 5.4.2 c), counted by the
 * ticket's assignee now, as {@code docs/ticket-statistics.md} ("By assignee") defines every figure:
 * <ul>
 * <li>{@code assigned}: tickets created in the period that are assigned to the person;</li>
 * <li>{@code resolved}, {@code closed}: tickets whose {@code resolved_at}, {@code closed_at} lie in the period;</li>
 * <li>times (wall-clock seconds from creation) and SLA attainment: over the tickets resolved in the period, as the
 * ticket statistics measure them (met = the SLA engine raised no breach of the clock);</li>
 * <li>{@code reopened}: how many of the tickets resolved in the period had been reopened (resolved more than once):
 * the share of work that did not hold the first time.</li>
 * </ul>
 *
 * @param assigneeUserId {@code null} for the tickets nobody is assigned to
 * @param assigneeName the person's display name; {@code null} for nobody, {@code #id} for a user that is gone
 * @param meanTimeToRespondSeconds {@code null} (as every time) when no resolved ticket was measured
 * @param reopenRate {@code reopened} ÷ {@code resolved} in percent, one decimal; {@code null} when none was resolved
 */
public record AssigneeFigures(Long assigneeUserId, String assigneeName, long assigned, long resolved, long closed,
		Long meanTimeToRespondSeconds, Long p90TimeToRespondSeconds, Long meanTimeToResolveSeconds,
		Long p90TimeToResolveSeconds, Attainment responseSla, Attainment resolutionSla, long reopened,
		BigDecimal reopenRate) {

	/**
	 * Attainment of one SLA clock: the tickets with an SLA resolved in the period, those of them without a breach,
	 * and the rate in percent (one decimal, {@code null} when none was counted).
	 */
	public record Attainment(long counted, long met, BigDecimal rate) {

		public static Attainment of(long counted, long met) {
			return new Attainment(counted, met, percent(met, counted));
		}
	}

	/** {@code part} of {@code whole} in percent, one decimal; {@code null} when {@code whole} is zero. */
	public static BigDecimal percent(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}
}
