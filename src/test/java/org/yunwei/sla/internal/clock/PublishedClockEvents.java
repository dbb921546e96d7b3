package org.yunwei.sla.internal.clock;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaThresholdReached;

/**
 * Collects the clock events that were committed, as a listener in another module would receive them. A component
 * of the test classpath, found by the shared context's component scan, so that no test needs a context of its own.
 */
@Component
class PublishedClockEvents {

	private static final Queue<Object> COMMITTED = new ConcurrentLinkedQueue<>();

	@TransactionalEventListener
	void on(SlaThresholdReached event) {
		COMMITTED.add(event);
	}

	@TransactionalEventListener
	void on(SlaBreached event) {
		COMMITTED.add(event);
	}

	/** The percents raised for a subject, in the order they were committed; 100 stands for the breach. */
	static List<Integer> percentsOf(String subjectId) {
		return COMMITTED.stream()
			.map(event -> switch (event) {
				case SlaThresholdReached reached when reached.subjectId().equals(subjectId) -> reached.percent();
				case SlaBreached breached when breached.subjectId().equals(subjectId) -> 100;
				default -> null;
			})
			.filter(percent -> percent != null)
			.toList();
	}
}
