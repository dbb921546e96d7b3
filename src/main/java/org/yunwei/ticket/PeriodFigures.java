package org.yunwei.ticket;

import java.time.LocalDate;

/**
 * The service desk's headline figures of a period, as the ticket statistics (事件统计) define them
 * ({@code docs/ticket-statistics.md}): tickets opened in it, tickets resolved in it, and of those resolved with an SLA
 * how many met the response and the resolution target.
 *
 * @param from the first day, included
 * @param to the last day, included
 */
public record PeriodFigures(LocalDate from, LocalDate to, long opened, long resolved,
		AssigneeFigures.Attainment responseSla, AssigneeFigures.Attainment resolutionSla) {
}
