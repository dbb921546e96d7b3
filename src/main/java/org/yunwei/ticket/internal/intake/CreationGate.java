package org.yunwei.ticket.internal.intake;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * Lets at most {@link TicketSettings#concurrentCreations()} ticket creations of this node run their transaction at
 * once; the others wait, in arrival order, before they take a database connection. Creations queue on the number
 * counter's row lock anyway (numbers are gapless, so the lock is held to the commit): with every request admitted,
 * 32 clients kept a dozen connections waiting on it while the holder shared two cores with them (TicketBenchmark:
 * 11 of 13 busy connections waiting), and the pool ran dry for everything else.
 */
@Component
public class CreationGate {

	private final Semaphore permits;

	CreationGate(TicketSettings settings) {
		this.permits = new Semaphore(settings.concurrentCreations(), true);
	}

	/** Runs a creation, which must open its own transaction, once a place is free. */
	public <T> T through(Supplier<T> creation) {
		permits.acquireUninterruptibly();
		try {
			return creation.get();
		}
		finally {
			permits.release();
		}
	}
}
