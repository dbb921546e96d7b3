package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.ticket.ResolvedTicketText;
import org.yunwei.ticket.Tickets;

/**
 * Keeps the index of resolved tickets following {@code knowledge_ticket_change}, as {@link IndexFollower} keeps the
 * articles' one: at start, after every transaction of {@link ResolvedTicketListener} and every few seconds, it applies
 * the changes after the last one the index recorded, each by reading the ticket as it is now through the ticket
 * module (a ticket no longer finished — reopened — leaves the index; one resolved again comes back with its new
 * resolution), and commits the index with the number reached. A new index (a first start, a lost directory), one of
 * another epoch or layout, or one ahead of the log is rebuilt from the tickets: the log only begins when this index
 * was installed, so it cannot replay what was resolved before.
 */
@Component
public class ResolvedTicketFollower {

	private static final Logger log = LoggerFactory.getLogger(ResolvedTicketFollower.class);
	static final int BATCH = 500;
	static final int REBUILD_PAGE = 2_000;
	static final int COMMIT_EVERY = 10 * BATCH;

	private final ResolvedTicketIndex index;
	private final ResolvedTicketChangeLog changes;
	private final Tickets tickets;
	private final ServiceCatalog catalog;

	ResolvedTicketFollower(ResolvedTicketIndex index, ResolvedTicketChangeLog changes, Tickets tickets,
			ServiceCatalog catalog) {
		this.index = index;
		this.changes = changes;
		this.tickets = tickets;
		this.catalog = catalog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		catchUp();
	}

	@Scheduled(fixedDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}",
			initialDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}")
	void periodically() {
		catchUp();
	}

	/** The last change the index applied. */
	public long applied() {
		return index.applied();
	}

	/** The last change committed to the log. */
	long lastChange() {
		return changes.last();
	}

	/** How many tickets the searchable index holds. */
	long documents() {
		return index.documents();
	}

	/** Applies every change not yet applied (or rebuilds, see the class); returns how many changes or tickets. */
	public synchronized int catchUp() {
		String epoch = changes.epoch();
		long applied = index.applied();
		if (index.epoch() == null) {
			log.info("The index of resolved tickets is new: building it from the tickets");
			return rebuild();
		}
		if (!epoch.equals(index.epoch()) || applied > changes.last()
				|| !ResolvedTicketIndex.CURRENT_FORMAT.equals(index.format())) {
			log.info("The index of resolved tickets follows another database or layout: rebuilding it");
			return rebuild();
		}
		int count = 0;
		List<ResolvedTicketChangeLog.Change> batch;
		Map<Long, String> names = new ConcurrentHashMap<>();
		while (!(batch = changes.after(applied, BATCH)).isEmpty()) {
			// each ticket as it is now, the batch's in one read (a ticket changed twice is read once)
			Map<Long, ResolvedTicketText> now = tickets
				.resolvedTextsForSystem(batch.stream().map(ResolvedTicketChangeLog.Change::ticketId)
					.collect(Collectors.toSet()))
				.stream().collect(Collectors.toMap(ResolvedTicketText::id, Function.identity()));
			for (ResolvedTicketChangeLog.Change change : batch) {
				ResolvedTicketText ticket = now.get(change.ticketId());
				if (ticket == null) {
					index.remove(change.ticketId());
				}
				else {
					index.put(indexed(ticket, names));
				}
				applied = change.seq();
			}
			count += batch.size();
			if (count % COMMIT_EVERY == 0) {
				index.commit(applied, epoch);
			}
		}
		if (count % COMMIT_EVERY != 0) {
			index.commit(applied, epoch);
		}
		return count;
	}

	/** Builds the index again from the tickets; returns how many it holds. */
	public int rebuild() {
		return rebuild(done -> {
		});
	}

	/**
	 * Builds the index again from the tickets, telling how many it has put after each page: keyset pages of the
	 * finished tickets' texts (one query each, so memory stays bounded whatever the count), analysed by the cores in
	 * parallel into the one writer, one commit at the end (searches see the index as it was until then).
	 */
	public synchronized int rebuild(IntConsumer progress) {
		String epoch = changes.epoch();
		// changes committed while the rebuild reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.removeAll();
		Map<Long, String> names = new ConcurrentHashMap<>();
		int count = 0;
		long after = 0;
		List<ResolvedTicketText> page;
		while (!(page = tickets.resolvedTextsForSystem(after, REBUILD_PAGE)).isEmpty()) {
			page.parallelStream().forEach(ticket -> index.add(indexed(ticket, names)));
			after = page.getLast().id();
			count += page.size();
			progress.accept(count);
		}
		index.commit(reached, epoch);
		return count;
	}

	/** The ticket with its service's name, each name read once per catch-up or rebuild. */
	private IndexedTicket indexed(ResolvedTicketText ticket, Map<Long, String> names) {
		String service = ticket.serviceId() == null ? null
				: names.computeIfAbsent(ticket.serviceId(),
						id -> catalog.find(id).map(CatalogService::name).orElse(""));
		return IndexedTicket.of(ticket, service);
	}
}
