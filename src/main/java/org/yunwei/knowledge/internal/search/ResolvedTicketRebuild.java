package org.yunwei.knowledge.internal.search;

import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * Rebuilding this node's index of resolved tickets from the database on an administrator's request (KNOWLEDGE_ADMIN,
 * the same administration as the articles' index), in the background with its progress shown; one at a time.
 */
@Service
public class ResolvedTicketRebuild {

	private static final Logger log = LoggerFactory.getLogger(ResolvedTicketRebuild.class);

	private final ResolvedTicketFollower follower;
	private final Tickets tickets;
	private final KnowledgeVocabulary vocabulary;
	private final AuditTrail audit;
	private volatile IndexRebuild.Progress progress = new IndexRebuild.Progress(false, 0, 0, null, null, false);

	ResolvedTicketRebuild(ResolvedTicketFollower follower, Tickets tickets, KnowledgeVocabulary vocabulary,
			AuditTrail audit) {
		this.follower = follower;
		this.tickets = tickets;
		this.vocabulary = vocabulary;
		this.audit = audit;
	}

	/**
	 * The index of resolved tickets as it stands.
	 *
	 * @param applied the last change applied
	 * @param lastChange the last change committed to the log
	 * @param documents the tickets the index holds
	 * @param finished the resolved and closed tickets in the database
	 * @param rebuild the last rebuild on this node
	 */
	public record ResolvedTicketIndexState(long applied, long lastChange, long documents, long finished,
			IndexRebuild.Progress rebuild) {
	}

	public ResolvedTicketIndexState state() {
		vocabulary.requireAdministrator();
		return new ResolvedTicketIndexState(follower.applied(), follower.lastChange(), follower.documents(),
				tickets.countFinishedForSystem(), progress);
	}

	public IndexRebuild.Progress progress() {
		vocabulary.requireAdministrator();
		return progress;
	}

	/** Starts a rebuild; 409 while one runs. Audited as the administrator's act. */
	@Transactional
	public synchronized IndexRebuild.Progress start() {
		vocabulary.requireAdministrator();
		if (progress.running()) {
			throw RejectedRequest.conflict("knowledge-rebuild-running", "knowledge.index.running");
		}
		long total = tickets.countFinishedForSystem();
		Instant started = Instant.now();
		progress = new IndexRebuild.Progress(true, 0, total, started, null, false);
		audit.record(AuditEntry.of("KNOWLEDGE_TICKET_INDEX_REBUILT", "knowledge_index", 0)
			.after(Map.of("tickets", total)).detail(String.valueOf(total)));
		Thread.ofVirtual().name("knowledge-ticket-rebuild").start(() -> {
			try {
				int count = follower.rebuild(
						done -> progress = new IndexRebuild.Progress(true, done, total, started, null, false));
				progress = new IndexRebuild.Progress(false, count, Math.max(total, count), started, Instant.now(),
						false);
			}
			catch (RuntimeException e) {
				log.error("Rebuilding the index of resolved tickets failed", e);
				progress = new IndexRebuild.Progress(false, progress.done(), total, started, Instant.now(), true);
			}
		});
		return progress;
	}
}
