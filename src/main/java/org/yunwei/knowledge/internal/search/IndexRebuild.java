package org.yunwei.knowledge.internal.search;

import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * Rebuilding this node's index from the database on an administrator's request, in the background with its progress
 * shown (the index also rebuilds itself when it finds it follows another database). One rebuild at a time; searches
 * go on meanwhile against the index as it was until the rebuild commits.
 */
@Service
public class IndexRebuild {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private final IndexFollower follower;
	private final KnowledgeIndex index;
	private final KnowledgeChangeLog changes;
	private final KnowledgeVocabulary vocabulary;
	private final AuditTrail audit;
	private volatile Progress progress = new Progress(false, 0, 0, null, null, false);

	IndexRebuild(IndexFollower follower, KnowledgeIndex index, KnowledgeChangeLog changes,
			KnowledgeVocabulary vocabulary, AuditTrail audit) {
		this.follower = follower;
		this.index = index;
		this.changes = changes;
		this.vocabulary = vocabulary;
		this.audit = audit;
	}

	/** How far the last rebuild on this node got; {@code startedAt} is {@code null} when none ran since start. */
	public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
			boolean failed) {

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
				progress);
	}

	public Progress progress() {
		vocabulary.requireAdministrator();
		return progress;
	}

	/** Starts a rebuild; 409 while one runs. Audited as the administrator's act. */
	@Transactional
	public synchronized Progress start() {
		vocabulary.requireAdministrator();
		if (progress.running()) {
			throw RejectedRequest.conflict("knowledge-rebuild-running", "knowledge.index.running");
		}
		long total = changes.publishedCount();
		Instant started = Instant.now();
		progress = new Progress(true, 0, total, started, null, false);
		audit.record(AuditEntry.of("KNOWLEDGE_INDEX_REBUILT", "knowledge_index", 0)
			.after(Map.of("articles", total)).detail(String.valueOf(total)));
		Thread.ofVirtual().name("knowledge-rebuild").start(() -> {
			try {
				int count = follower.rebuild(done -> progress = new Progress(true, done, total, started, null, false));
				progress = new Progress(false, count, Math.max(total, count), started, Instant.now(), false);
			}
			catch (RuntimeException e) {
				log.error("Rebuilding the knowledge index failed", e);
				progress = new Progress(false, progress.done(), total, started, Instant.now(), true);
			}
		});
		return progress;
	}
}
