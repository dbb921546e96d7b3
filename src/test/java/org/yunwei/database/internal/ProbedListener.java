package org.yunwei.database.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A synchronous listener, as a module's {@code @TransactionalEventListener} would be. A component of the test
 * classpath (not nested in the test, which the test context would leave out), found by the shared context's scan.
 */
@Component
class ProbedListener {

	private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

	@TransactionalEventListener
	void on(Probed event) {
		if (event.fail()) {
			throw new IllegalStateException("refused on purpose: " + event.number());
		}
		RECEIVED.add(event.batch() + "#" + event.number());
	}

	static List<String> received(String batch) {
		return RECEIVED.stream().filter(entry -> entry.startsWith(batch + "#")).toList();
	}
}
