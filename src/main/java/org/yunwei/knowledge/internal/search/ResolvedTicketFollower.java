package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * resolution), and commits the index with the number reached. A new index (a first start, a lost directory, a build
 * stopped half-way), one of another epoch or layout, or one ahead of the log is rebuilt from the tickets: the log only
 * begins when this index was installed, so it cannot replay what was resolved before.
 * <p>
 * Neither the start nor anyone else waits for a build (a city's million tickets take minutes): it runs in the
 * background ({@link IndexWriting}), searches answer from what it has put so far and say so, and it applies the changes
 * of its own time as it ends.
 */
@Component
public class ResolvedTicketFollower implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ResolvedTicketFollower.class);
	static final int BATCH = 500;
	static final int COMMIT_EVERY = 10 * BATCH;

	private final ResolvedTicketIndex index;
	private final ResolvedTicketChangeLog changes;
	private final Tickets tickets;
	private final ServiceCatalog catalog;
	/** Tickets a build reads in one query. */
	private final int buildPage;
	private final IndexWriting writing = new IndexWriting("knowledge-ticket-index");

	ResolvedTicketFollower(ResolvedTicketIndex index, ResolvedTicketChangeLog changes, Tickets tickets,
			ServiceCatalog catalog, @Value("${yunwei.knowledge.index-build-page:2000}") int buildPage) {
		this.index = index;
		this.changes = changes;
		this.tickets = tickets;
		this.catalog = catalog;
		this.buildPage = buildPage;
	}

	/** Hands the start's catch-up or build to the background: the application is ready at once. */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (!startBuildIfNeeded()) {
			writing.inBackground(this::applyChanges);
		}
	}

	@Scheduled(fixedDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}",
			initialDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}")
	void periodically() {
		writing.ifFree(this::follow);
	}

	/** After a transaction that logged a change: applies it, unless a build runs (which applies it as it ends). */
	void afterChange() {
		writing.unlessBuilding(this::follow);
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

	/** The last build since start, running or not. */
	IndexRebuild.Progress build() {
		return writing.progress();
	}

	/**
	 * Applies every change not yet applied (or rebuilds, see the class), waiting for a build that runs; returns how
	 * many changes or tickets.
	 */
	public int catchUp() {
		return writing.exclusively(() -> needsBuild() ? build(done -> {
		}, false) : applyChanges());
	}

	/** Builds the index again from the tickets, waiting for a build that runs; returns how many it holds. */
	public int rebuild() {
		return writing.exclusively(() -> build(done -> {
		}, false));
	}

	/**
	 * Starts a build in the background (an administrator's): searches see the index as it was until it ends.
	 *
	 * @return its progress; empty when a build runs already
	 */
	Optional<IndexRebuild.Progress> startRebuild(long total) {
		return writing.build(total, progress -> build(progress, false), this::applyChanges);
	}

	/** Whether the application is stopping: a build ends at its next page, uncommitted. */
	boolean stopping() {
		return writing.stopping();
	}

	/** Stops a build or catch-up at its next page and waits for it, before the index closes. */
	@Override
	public void destroy() throws InterruptedException {
		writing.stop();
	}

	/** A build when the index is not this database's complete one (in the background), else the changes. */
	private void follow() {
		if (!startBuildIfNeeded()) {
			applyChanges();
		}
	}

	/** Starts a build in the background if the index needs one; searches see its pages as they come. */
	private boolean startBuildIfNeeded() {
		if (!needsBuild()) {
			return false;
		}
		log.info("The index of resolved tickets is new, incomplete or follows another database or layout: building "
				+ "it from the tickets in the background");
		writing.build(tickets.countFinishedForSystem(), progress -> build(progress, true), this::applyChanges);
		return true;
	}

	private boolean needsBuild() {
		return !index.follows(changes.epoch()) || index.applied() > changes.last();
	}

	private int applyChanges() {
		String epoch = changes.epoch();
		long applied = index.applied();
		int count = 0;
		List<ResolvedTicketChangeLog.Change> batch;
		Map<Long, String> names = new ConcurrentHashMap<>();
		while (!writing.stopping() && !(batch = changes.after(applied, BATCH)).isEmpty()) {
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

	/**
	 * Builds the index again from the tickets, telling how many it has put after each page: keyset pages of the
	 * finished tickets' texts (one query each, so memory stays bounded whatever the count), analysed by the cores in
	 * parallel into the one writer, one commit at the end. Until then the index is marked incomplete and searches see
	 * it as it was, or, with {@code visible}, the pages put so far. A stop between two pages ends it uncommitted.
	 */
	private int build(IntConsumer progress, boolean visible) {
		String epoch = changes.epoch();
		// changes committed while the build reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.clearForBuild();
		Map<Long, String> names = new ConcurrentHashMap<>();
		int count = 0;
		long after = 0;
		List<ResolvedTicketText> page;
		while (!(page = tickets.resolvedTextsForSystem(after, buildPage)).isEmpty()) {
			writing.stopIfAsked();
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
