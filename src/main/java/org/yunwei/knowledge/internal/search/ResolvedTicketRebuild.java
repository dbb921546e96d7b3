package org.yunwei.knowledge.internal.search;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * Rebuilding this node's index of resolved tickets from the database on an administrator's request (KNOWLEDGE_ADMIN,
 * the same administration as the articles' index), in the background with its progress shown, as is the build the
 * index starts by itself when it is new, incomplete or follows another database; one at a time.
 */
@Service
public class ResolvedTicketRebuild {

	private final ResolvedTicketFollower follower;
	private final Tickets tickets;
	private final KnowledgeVocabulary vocabulary;
	private final AuditTrail audit;

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
				tickets.countFinishedForSystem(), follower.build());
	}

	public IndexRebuild.Progress progress() {
		vocabulary.requireAdministrator();
		return follower.build();
	}

	/** Starts a rebuild; 409 while a build runs (an administrator's or the index's own). Audited. */
	@Transactional
	public IndexRebuild.Progress start() {
		vocabulary.requireAdministrator();
		long total = tickets.countFinishedForSystem();
		// recorded first: a refusal rolls it back with the transaction
		audit.record(AuditEntry.of("KNOWLEDGE_TICKET_INDEX_REBUILT", "knowledge_index", 0)
			.after(Map.of("tickets", total)).detail(String.valueOf(total)));
		return follower.startRebuild(total)
			.orElseThrow(() -> RejectedRequest.conflict("knowledge-rebuild-running", "knowledge.index.running"));
	}
}
