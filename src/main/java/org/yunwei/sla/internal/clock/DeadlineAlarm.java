package org.yunwei.sla.internal.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaThresholdReached;

/**
 * Raises the thresholds and the breach of a running clock that have fallen due, in order, each once: for the
 * scheduler's tick, and for a pause, stop or target change that comes after a deadline the tick has not reached yet
 * (otherwise a clock stopped late would never say it was breached).
 */
@Component
class DeadlineAlarm {

	private final ApplicationEventPublisher events;

	DeadlineAlarm(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * For the tick: applies to {@code clock} and publishes an entry for every deadline at or before {@code now}.
	 *
	 * @return the entries, to be appended to the clock's history in the same transaction
	 */
	List<ClockEvent> raiseDueBy(ClockSubject subject, ClockKind kind, ClockHistory clock, Instant now) {
		return raise(subject, kind, clock, now, true);
	}

	/**
	 * For a transition at {@code at}: every deadline strictly before it, since a clock stopped exactly at its due
	 * time met it.
	 */
	List<ClockEvent> raiseBefore(ClockSubject subject, ClockKind kind, ClockHistory clock, Instant at) {
		return raise(subject, kind, clock, at, false);
	}

	private List<ClockEvent> raise(ClockSubject subject, ClockKind kind, ClockHistory clock, Instant until,
			boolean inclusive) {
		List<ClockEvent> raised = new ArrayList<>();
		Instant raisedAt = until;
		Instant deadline = ClockKeeper.exact(clock.nextDeadline());
		while (deadline != null && (deadline.isBefore(until) || inclusive && deadline.equals(until))) {
			int percent = clock.nextThreshold();
			ClockEvent event = new ClockEvent(clock.lastSeq() + 1,
					percent == ClockHistory.BREACH ? Type.BREACHED : Type.THRESHOLD_REACHED, raisedAt, null, percent,
					deadline);
			clock.apply(event);
			raised.add(event);
			publish(subject, kind, clock.terms(), event);
			deadline = ClockKeeper.exact(clock.nextDeadline());
		}
		return raised;
	}

	private void publish(ClockSubject subject, ClockKind kind, ClockTerms terms, ClockEvent event) {
		if (event.type() == Type.BREACHED) {
			events.publishEvent(new SlaBreached(subject.type(), subject.id(), kind, event.deadline(),
					terms.agreementId(), terms.priority()));
		}
		else {
			events.publishEvent(new SlaThresholdReached(subject.type(), subject.id(), kind, event.percent(),
					event.deadline(), terms.agreementId(), terms.priority()));
		}
	}
}
