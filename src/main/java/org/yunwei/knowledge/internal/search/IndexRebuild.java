package org.yunwei.knowledge.internal.search;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * Rebuilding this node's index from the database on an administrator's request, in the background with its progress
 * shown (the index also builds itself, in the background, when it finds it is new, incomplete or follows another
 * database: that build shows here too). One build at a time; searches go on meanwhile against the index as it was
 * until the rebuild commits.
 */
@Service
public class IndexRebuild {

	private final IndexFollower follower;
	private final KnowledgeIndex index;
	private final KnowledgeChangeLog changes;
	private final KnowledgeVocabulary vocabulary;
	private final AuditTrail audit;

	IndexRebuild(IndexFollower follower, KnowledgeIndex index, KnowledgeChangeLog changes,
			KnowledgeVocabulary vocabulary, AuditTrail audit) {
		this.follower = follower;
		this.index = index;
		this.changes = changes;
		this.vocabulary = vocabulary;
		this.audit = audit;
	}

	/** How far the last build on this node got; {@code startedAt} is {@code null} when none ran since start. */
	public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
			boolean failed) {

		/** No build since start. */
		static final Progress NONE = new Progress(false, 0, 0, null, null, false);

		/** Percent done, 0 to 100. */
		public int percent() {
			return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}
	}

	/** The index as it stands: the last change applied against the last committed, the articles it holds. */
	public record IndexState(long applied, long lastChange, long documents, long published, Progress rebuild) {
	}

	public IndexState state() {
		vocabulary.requireAdministrator();
		return new IndexState(follower.applied(), changes.last(), index.documents(), changes.publishedCount(),
				follower.build());
	}

	public Progress progress() {
		vocabulary.requireAdministrator();
		return follower.build();
	}

	/** Starts a rebuild; 409 while a build runs (an administrator's or the index's own). Audited. */
	@Transactional
	public Progress start() {
		vocabulary.requireAdministrator();
		long total = changes.publishedCount();
		// recorded first: a refusal rolls it back with the transaction
		audit.record(AuditEntry.of("KNOWLEDGE_INDEX_REBUILT", "knowledge_index", 0)
			.after(Map.of("articles", total)).detail(String.valueOf(total)));
		return follower.startRebuild(total)
			.orElseThrow(() -> RejectedRequest.conflict("knowledge-rebuild-running", "knowledge.index.running"));
	}
}
