package org.yunwei.ticket.internal.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * The counts of a period's tickets: created by dimension and step, resolved by step, closed. Read from the daily
 * rollup where it can answer (all tickets, or a provider's, once built in the service desk's zone), counted from the
 * tickets otherwise (a customer's subtree, or before the rollup is built). Both give the same figures.
 */
@Component
class TicketVolumes {

	/**
	 * @param created the tickets created in the period by each dimension asked for, most frequent first
	 * @param createdSteps tickets created per day or month, where a granularity was asked for; steps without any are
	 *     left out
	 * @param resolvedSteps tickets resolved per day or month, the same way
	 * @param closed tickets closed in the period
	 */
	record Counted(Map<TicketStatisticsDimension, List<TicketStatisticsReading.Tally>> created,
			Map<LocalDate, Long> createdSteps, Map<LocalDate, Long> resolvedSteps, long closed) {
	}

	private final TicketVolumeRollup rollup;
	private final TicketStatisticsReading reading;
	private final ZoneId zone;

	TicketVolumes(TicketVolumeRollup rollup, TicketStatisticsReading reading, TicketSettings settings) {
		this.rollup = rollup;
		this.reading = reading;
		this.zone = settings.zone();
	}

	Counted counted(TicketStatisticsPeriod period, DataScope scope, Set<TicketStatisticsDimension> dimensions,
			TicketStatisticsGranularity granularity) {
		if (TicketVolumeRollup.serves(scope) && rollup.zone().filter(zone::equals).isPresent()) {
			return rollup.volumes(period.from(), period.to(), zone, scope, dimensions, granularity);
		}
		return countedFromTheTickets(period, scope, dimensions, granularity);
	}

	/** The counts without the rollup, for any scope. */
	Counted countedFromTheTickets(TicketStatisticsPeriod period, DataScope scope,
			Set<TicketStatisticsDimension> dimensions, TicketStatisticsGranularity granularity) {
		Instant start = period.start(zone);
		Instant end = period.end(zone);
		DataScope.Condition condition = TicketStatistics.condition(scope);
		var created = reading.volumes(start, end, condition, dimensions, granularity, zone);
		return new Counted(created.tallies(), created.bySteps(),
				granularity == null ? Map.of() : reading.resolvedSteps(start, end, condition, granularity, zone),
				reading.closed(start, end, condition));
	}
}
