package org.yunwei.ticket.internal.statistics;

import java.time.Duration;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * Keeps the daily rollup of created tickets ({@link TicketVolumeRollup}) short of appended changes: folds them every
 * {@code yunwei.tickets.volume-fold-interval} (a second by default), once per cluster. Readers are exact without it;
 * folding keeps what they add up themselves to a second's worth of changes. Builds the rollup first where it is
 * missing or counted in another zone than the service desk's.
 */
@Component
public class TicketVolumeFolding {

	private static final Logger log = LoggerFactory.getLogger(TicketVolumeFolding.class);

	private final TicketVolumeRollup rollup;
	private final ZoneId zone;

	TicketVolumeFolding(TicketVolumeRollup rollup, TicketSettings settings) {
		this.rollup = rollup;
		this.zone = settings.zone();
	}

	@Scheduled(fixedDelayString = "${yunwei.tickets.volume-fold-interval:PT1S}", initialDelay = 1000)
	@SchedulerLock(name = "ticket-volume-fold", lockAtMostFor = "PT30M")
	void onSchedule() {
		bringUpToDate();
	}

	/**
	 * Folds the appended changes, after building the rollup where it is not built in the service desk's zone. One call
	 * at a time in this process too (ShedLock keeps other nodes out), for calls beside the schedule: a build running
	 * beside a fold would fail on the changes both remove.
	 */
	public synchronized void bringUpToDate() {
		if (!rollup.zone().filter(zone::equals).isPresent()) {
			long started = System.nanoTime();
			log.info("Counting every ticket into the daily rollup of ticket statistics (days in {})", zone);
			rollup.rebuild(zone);
			log.info("Daily rollup of ticket statistics built in {}", Duration.ofNanos(System.nanoTime() - started));
		}
		else {
			rollup.fold(zone);
		}
	}
}
