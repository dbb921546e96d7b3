package org.yunwei.knowledge.internal.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.ticket.ResolvedTicketText;
import org.yunwei.ticket.Tickets;

/**
 * Keeps the index of resolved tickets following {@code knowledge_ticket_change}, as {@link IndexFollower} keeps the
 * articles' one ({@link ChangeLogFollower}): at start, after every transaction of {@link ResolvedTicketListener} and
 * every few seconds, it applies
 * the changes after the last one the index recorded, each by reading the ticket as it is now through the ticket
 * module (a ticket no longer finished — reopened — leaves the index; one resolved again comes back with its new
 * resolution), and commits the index with the number reached. A new index (a first start, a lost directory, a build
 * stopped half-way), one of another epoch or layout, or one ahead of the log is rebuilt from the tickets: the log only
 * begins when this index was installed, so it cannot replay what was resolved before.
 * Nobody waits for a build (a city's million tickets take minutes): it runs in the background.
 */
@Component
public class ResolvedTicketFollower extends ChangeLogFollower<IndexedTicket> {

	private final ResolvedTicketIndex index;
	private final ResolvedTicketChangeLog changes;
	private final Tickets tickets;
	private final ServiceCatalog catalog;
	/** Tickets a build reads in one query. */
	private final int buildPage;

	ResolvedTicketFollower(ResolvedTicketIndex index, ResolvedTicketChangeLog changes, Tickets tickets,
			ServiceCatalog catalog, @Value("${yunwei.knowledge.index-build-page:2000}") int buildPage) {
		super(index, changes, "knowledge-ticket-index");
		this.index = index;
		this.changes = changes;
		this.tickets = tickets;
		this.catalog = catalog;
		this.buildPage = buildPage;
	}

	@Override
	long expectedDocuments() {
		return tickets.countFinishedForSystem();
	}

	/** How many tickets the searchable index holds. */
	long documents() {
		return index.documents();
	}

	@Override
	Map<Long, IndexedTicket> current(Set<Long> ticketIds) {
		Map<Long, String> names = new HashMap<>();
		return tickets.resolvedTextsForSystem(ticketIds).stream()
			.collect(Collectors.toMap(ResolvedTicketText::id, ticket -> indexed(ticket, names)));
	}

	@Override
	void put(IndexedTicket ticket) {
		index.put(ticket);
	}

	@Override
	void remove(long ticketId) {
		index.remove(ticketId);
	}

	/**
	 * Keyset pages of the finished tickets' texts (one query each, so memory stays bounded whatever the count),
	 * analysed by the cores in parallel into the one writer.
	 */
	@Override
	int build(IntConsumer progress, boolean visible) {
		String epoch = changes.epoch();
		// changes committed while the build reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.clearForBuild();
		Map<Long, String> names = new ConcurrentHashMap<>();
		int count = 0;
		long after = 0;
		List<ResolvedTicketText> page;
		while (!(page = tickets.resolvedTextsForSystem(after, buildPage)).isEmpty()) {
			stopIfAsked();
			page.parallelStream().forEach(ticket -> index.add(indexed(ticket, names)));
			after = page.getLast().id();
			count += page.size();
			if (visible) {
				index.refresh();
			}
			progress.accept(count);
		}
		index.commit(reached, epoch);
		return count;
	}

	/** The ticket with its service's name, each name read once per catch-up or build. */
	private IndexedTicket indexed(ResolvedTicketText ticket, Map<Long, String> names) {
		String service = ticket.serviceId() == null ? null
				: names.computeIfAbsent(ticket.serviceId(),
						id -> catalog.find(id).map(CatalogService::name).orElse(""));
		return IndexedTicket.of(ticket, service);
	}
}
