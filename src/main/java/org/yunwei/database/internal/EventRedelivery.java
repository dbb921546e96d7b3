package org.yunwei.database.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again the event publications that nobody is delivering any more, while Yunwei runs: Spring Modulith
 * redelivers incomplete publications only at a start, so a listener that failed during a database outage (it could
 * not even record its failure), or whose call was lost, waited for the next restart (issue 22 saw four such after a
 * 30-second outage).
 * <p>
 * A publication counts as abandoned when it is older than {@code yunwei.events.redeliver-after} (two minutes) and
 * this node's listeners have nothing queued: while they work through a backlog (the SLA deadlines of a long stop,
 * thousands at once) an old publication may still be waiting in their queue, and delivering it again would only
 * double the backlog. A listener still running on another node may be called twice; listeners are written to be
 * delivered twice (DESIGN.md), so that costs work, never a duplicate effect. The job runs once per cluster.
 */
@Component
class EventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	private final IncompleteEventPublications publications;
	private final ObjectProvider<ThreadPoolTaskExecutor> listeners;
	private final DatabaseAvailability availability;
	private final Duration after;

	EventRedelivery(IncompleteEventPublications publications, ObjectProvider<ThreadPoolTaskExecutor> listeners,
			DatabaseAvailability availability, @Value("${yunwei.events.redeliver-after}") Duration after) {
		this.publications = publications;
		this.listeners = listeners;
		this.availability = availability;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${yunwei.events.redelivery-interval:PT1M}",
			initialDelayString = "${yunwei.events.redelivery-interval:PT1M}")
	@SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT10M")
	void scheduled() {
		redeliver();
	}

	/**
	 * Hands the abandoned publications to their listeners again.
	 * @return how many were handed over; 0 also when the database is not serving or the listeners are busy
	 */
	int redeliver() {
		if (!availability.serving()) {
			return 0;
		}
		int queued = listeners.getObject().getThreadPoolExecutor().getQueue().size();
		if (queued > 0) {
			log.debug("Redelivery skipped: {} listener calls are still queued on this node", queued);
			return 0;
		}
		Instant before = Instant.now().minus(after);
		AtomicInteger handed = new AtomicInteger();
		publications.resubmitIncompletePublications(publication -> {
			boolean abandoned = publication.getPublicationDate().isBefore(before);
			if (abandoned) {
				handed.incrementAndGet();
			}
			return abandoned;
		});
		if (handed.get() > 0) {
			log.info("Delivered again {} event publications left incomplete for more than {}", handed.get(), after);
		}
		return handed.get();
	}
}
