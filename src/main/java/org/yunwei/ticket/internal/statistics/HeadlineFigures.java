package org.yunwei.ticket.internal.statistics;

import java.time.ZoneId;
import java.util.EnumSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.AssigneeFigures;
import org.yunwei.ticket.PeriodFigures;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * The headline of a period ({@link PeriodFigures}) for a home page: the dashboard's counts of tickets opened and
 * resolved and its SLA attainment, by the same definitions and within the same scope, without the times, medians,
 * dimensions and backlog the dashboard adds. Public for the module's facade {@code Tickets} only.
 */
@Service
public class HeadlineFigures {

	private final TicketVolumes counts;
	private final TicketStatisticsReading reading;
	private final Actors actors;
	private final ZoneId zone;

	HeadlineFigures(TicketVolumes counts, TicketStatisticsReading reading, Actors actors, TicketSettings settings) {
		this.counts = counts;
		this.reading = reading;
		this.actors = actors;
		this.zone = settings.zone();
	}

	/** See {@code Tickets#figures}. */
	@Transactional(readOnly = true)
	public PeriodFigures of(DateRange period) {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_REPORT)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		DataScope scope = actors.scopeOf(actor);
		TicketStatisticsPeriod days = new TicketStatisticsPeriod(period.from(), period.to());
		long opened = counts.counted(days, scope, EnumSet.of(TicketStatisticsDimension.TYPE), null)
			.created()
			.get(TicketStatisticsDimension.TYPE)
			.stream()
			.mapToLong(TicketStatisticsReading.Tally::count)
			.sum();
		TicketStatisticsReading.Attained attained = reading.attained(days.start(zone), days.end(zone),
				TicketStatistics.condition(scope));
		return new PeriodFigures(period.from(), period.to(), opened, attained.resolved(),
				AssigneeFigures.Attainment.of(attained.slaCounted(), attained.responseMet()),
				AssigneeFigures.Attainment.of(attained.slaCounted(), attained.resolutionMet()));
	}

	/** The service desk's zone, in which a period's days begin and end. */
	public ZoneId zone() {
		return zone;
	}
}
