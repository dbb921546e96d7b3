package org.yunwei.knowledge.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.ArticlePublished;
import org.yunwei.knowledge.internal.ArticleVersionRecords.ArticleVersion;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.web.RejectedRequest;

/**
 * 入库审批: submitting records the working copy as a new version and asks the approval module under the default
 * policy for that version's content hash; the decision comes back as an event. Granted for that hash, the version is
 * published (the one before it superseded) and the search index told through the change log in the same
 * transaction; rejected, returned or withdrawn, the article is a draft again with the reason. There is no other way
 * to publish. A decision delivered twice, or for a hash or version the article is not waiting for, changes nothing.
 */
@Service
public class ArticlePublication {

	public static final String SUBJECT_TYPE = "knowledge-version";

	private final ArticleRecords articles;
	private final ArticleVersionRecords versions;
	private final ArticleAccess access;
	private final Approvals approvals;
	private final KnowledgeChangeLog changes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	ArticlePublication(ArticleRecords articles, ArticleVersionRecords versions, ArticleAccess access, Approvals approvals,
			KnowledgeChangeLog changes, AuditTrail audit, ApplicationEventPublisher events) {
		this.articles = articles;
		this.versions = versions;
		this.access = access;
		this.approvals = approvals;
		this.changes = changes;
		this.audit = audit;
		this.events = events;
	}

	/** Submits the draft for approval; 409 for an article that is no draft. */
	@Transactional
	public ApprovalState submit(long id) {
		access.requireManager();
		KnowledgeArticle article = articles.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("article"));
		Actor author = access.requireManagerOf(article);
		if (article.status() != ArticleStatus.DRAFT) {
			throw RejectedRequest.conflict("knowledge-article-not-draft", "knowledge.article.not-draft");
		}
		ArticleContent content = article.content();
		ArticleVersion version = versions.insert(id, content, author.userId());
		article.submit(version.id());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("category", content.category());
		facts.put("visibility", content.visibility().name());
		facts.put("versionNumber", version.number());
		long policy = approvals.defaultPolicyId();
		ApprovalState state = approvals.request(new ApprovalAsk(
				new ApprovalSubject(SUBJECT_TYPE, version.id(), version.contentHash()), policy,
				content.title() + " · v" + version.number(), "/knowledge/" + id, facts));
		versions.requested(version.id(), state.requestId());
		articles.update(article);
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_SUBMITTED", "knowledge_article", id)
			.after(Map.of("versionId", version.id(), "number", version.number(), "hash", version.contentHash(),
					"approvalRequestId", state.requestId(), "policyId", policy))
			.detail(content.title()));
		return state;
	}

	/** The author withdraws the version under review; the withdrawal's event makes the article a draft again. */
	@Transactional
	public ApprovalState withdraw(long id) {
		access.requireManager();
		KnowledgeArticle article = articles.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("article"));
		access.requireManagerOf(article);
		Long requestId = article.pendingVersionId() == null ? null
				: versions.find(article.pendingVersionId()).map(ArticleVersion::approvalRequestId).orElse(null);
		if (article.status() != ArticleStatus.IN_REVIEW || requestId == null) {
			throw RejectedRequest.conflict("knowledge-article-not-in-review", "knowledge.article.not-in-review");
		}
		return approvals.withdraw(requestId);
	}

	/** A grant for the version at this hash: it is published. */
	@Transactional
	public void granted(long versionId, String hash, Instant at) {
		ArticleVersion version = versions.find(versionId).orElse(null);
		if (version == null || !version.contentHash().equals(hash)) {
			return;
		}
		KnowledgeArticle article = articles.findForUpdate(version.articleId()).orElseThrow();
		if (!article.awaits(versionId)) {
			return;
		}
		Long replaced = article.publish(versionId);
		versions.decided(versionId, "PUBLISHED", at, null);
		if (replaced != null) {
			versions.superseded(replaced);
		}
		articles.update(article);
		changes.record(article.id());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("number", version.number());
		after.put("hash", hash);
		after.put("approvalRequestId", version.approvalRequestId());
		if (replaced != null) {
			after.put("supersededVersionId", replaced);
		}
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_PUBLISHED", "knowledge_article", article.id())
			.after(after).detail(version.title()));
		events.publishEvent(new ArticlePublished(article.id(), versionId, version.number(), at));
	}

	/** A rejection, return or withdrawal of the version at this hash: the article is a draft again. */
	@Transactional
	public void notGranted(long versionId, String hash, String outcome, String reason, Instant at) {
		ArticleVersion version = versions.find(versionId).orElse(null);
		if (version == null || !version.contentHash().equals(hash)) {
			return;
		}
		KnowledgeArticle article = articles.findForUpdate(version.articleId()).orElseThrow();
		if (!article.awaits(versionId)) {
			return;
		}
		article.notApproved(versionId, reason);
		versions.decided(versionId, "NOT_APPROVED", at, reason);
		articles.update(article);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("outcome", outcome);
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditEntry.of("KNOWLEDGE_ARTICLE_NOT_APPROVED", "knowledge_article", article.id())
			.after(after).detail(version.title()));
	}
}
