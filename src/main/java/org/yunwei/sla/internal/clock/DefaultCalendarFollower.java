package org.yunwei.sla.internal.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yunwei.sla.internal.calendar.DefaultCalendarChanged;

/**
 * Clocks that name no calendar count on the default one: once another calendar has become the default, their rows
 * (due time, next deadline) are recomputed on it, as a repair of the new default's clocks is. The repair runs in the
 * background, as a million clocks take the better part of a minute, and is audited ({@code SLA_CLOCK_REPAIR}) in
 * the name of whoever changed the default. Until it reaches a clock, the clock's row still says what the old
 * default said, though everything that replays the clock (its state, its page, a pause or stop) already counts on
 * the new one. Should the application stop before the repair is done, {@code POST /api/v1/sla/clocks/repair} with
 * the new default's id finishes it.
 */
@Component
class DefaultCalendarFollower {

	private static final Logger log = LoggerFactory.getLogger(DefaultCalendarFollower.class);

	private final ClockKeeper clocks;

	DefaultCalendarFollower(ClockKeeper clocks) {
		this.clocks = clocks;
	}

	@TransactionalEventListener
	void on(DefaultCalendarChanged change) {
		Runnable repair = new DelegatingSecurityContextRunnable(() -> {
			try {
				int recomputed = clocks.repair(change.calendarId());
				log.info("Default calendar is now {}: {} clocks recomputed", change.calendarId(), recomputed);
			}
			catch (RuntimeException e) {
				log.error("Default calendar is now {}, but recomputing its clocks failed; repair them with "
						+ "POST /api/v1/sla/clocks/repair?calendarId={}", change.calendarId(), change.calendarId(), e);
			}
		});
		Thread.ofVirtual().name("sla-default-calendar-repair").start(repair);
	}
}
