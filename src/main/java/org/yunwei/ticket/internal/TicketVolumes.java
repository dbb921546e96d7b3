package org.yunwei.ticket.internal;

import java.time.ZoneId;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;

/**
 * Tickets created in a period by dimension and step, read from the daily rollup where it can answer (all tickets, or
 * a provider's, once built in the service desk's zone) and counted from the tickets otherwise (a customer's subtree,
 * or before the rollup is built). Both give the same figures.
 */
@Component
class TicketVolumes {

	private final TicketVolumeRollup rollup;
	private final TicketStatisticsReading reading;
	private final ZoneId zone;

	TicketVolumes(TicketVolumeRollup rollup, TicketStatisticsReading reading, TicketSettings settings) {
		this.rollup = rollup;
		this.reading = reading;
		this.zone = settings.zone();
	}

	TicketStatisticsReading.Created created(TicketStatisticsPeriod period, DataScope scope,
			Set<TicketStatisticsDimension> dimensions, TicketStatisticsGranularity granularity) {
		if (TicketVolumeRollup.serves(scope) && rollup.zone().filter(zone::equals).isPresent()) {
			return rollup.volumes(period.from(), period.to(), zone, scope, dimensions, granularity);
		}
		return reading.volumes(period.start(zone), period.end(zone), TicketStatistics.condition(scope), dimensions,
				granularity, zone);
	}
}
