package org.yunwei.knowledge.internal;

import org.yunwei.web.RejectedRequest;

/**
 * A knowledge article and its lifecycle: draft → in review → published → retired. The working copy is what its
 * authors edit; readers see the published version, which stays in place while a revision is drafted or reviewed.
 * Each transition checks the state it starts from and refuses (409) otherwise; publishing only follows a grant for
 * the version under review.
 */
public final class KnowledgeArticle {

	private final long id;
	private final long partyId;
	private final long orgUnitId;
	private final long ownerId;
	private ArticleContent content;
	private ArticleStatus status;
	private Long publishedVersionId;
	private Long pendingVersionId;
	private String returnReason;

	public KnowledgeArticle(long id, long partyId, long orgUnitId, long ownerId, ArticleContent content,
			ArticleStatus status, Long publishedVersionId, Long pendingVersionId, String returnReason) {
		this.id = id;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.ownerId = ownerId;
		this.content = content;
		this.status = status;
		this.publishedVersionId = publishedVersionId;
		this.pendingVersionId = pendingVersionId;
		this.returnReason = returnReason;
	}

	/** A new article: a draft of its author's. */
	static KnowledgeArticle draft(long partyId, long orgUnitId, long ownerId, ArticleContent content) {
		return new KnowledgeArticle(0, partyId, orgUnitId, ownerId, content, ArticleStatus.DRAFT, null, null, null);
	}

	/**
	 * The author changes the working copy: a draft stays one, a published article gets a draft revision (readers
	 * keep the published version). Refused while in review (withdraw first) and once retired.
	 */
	void revise(ArticleContent revised) {
		if (status == ArticleStatus.IN_REVIEW || status == ArticleStatus.RETIRED) {
			throw RejectedRequest.conflict("knowledge-article-not-editable", "knowledge.article.not-editable");
		}
		content = revised;
		status = ArticleStatus.DRAFT;
		returnReason = null;
	}

	/** The working copy goes for approval as the given version; only a draft may. */
	void submit(long versionId) {
		if (status != ArticleStatus.DRAFT) {
			throw RejectedRequest.conflict("knowledge-article-not-draft", "knowledge.article.not-draft");
		}
		status = ArticleStatus.IN_REVIEW;
		pendingVersionId = versionId;
		returnReason = null;
	}

	/** Whether a decision about this version is one this article is waiting for. */
	boolean awaits(long versionId) {
		return status == ArticleStatus.IN_REVIEW && pendingVersionId != null && pendingVersionId == versionId;
	}

	/**
	 * The version under review was granted: it is what readers see now; returns the version it replaces, or
	 * {@code null}. Refused (409) for any version the article is not waiting for: nothing is published unapproved.
	 */
	Long publish(long versionId) {
		if (!awaits(versionId)) {
			throw RejectedRequest.conflict("knowledge-article-not-approved", "knowledge.article.not-approved");
		}
		Long replaced = publishedVersionId;
		publishedVersionId = versionId;
		pendingVersionId = null;
		status = ArticleStatus.PUBLISHED;
		return replaced;
	}

	/** The version under review was rejected, returned or withdrawn: a draft again, with the reason shown. */
	void notApproved(long versionId, String reason) {
		if (!awaits(versionId)) {
			throw RejectedRequest.conflict("knowledge-article-not-in-review", "knowledge.article.not-in-review");
		}
		pendingVersionId = null;
		status = ArticleStatus.DRAFT;
		returnReason = reason;
	}

	/** No reader finds it any more; refused for an article never published, under review or already retired. */
	void retire() {
		if (status == ArticleStatus.RETIRED || status == ArticleStatus.IN_REVIEW || publishedVersionId == null) {
			throw RejectedRequest.conflict("knowledge-article-not-retirable", "knowledge.article.not-retirable");
		}
		status = ArticleStatus.RETIRED;
	}

	public long id() {
		return id;
	}

	public long partyId() {
		return partyId;
	}

	public long orgUnitId() {
		return orgUnitId;
	}

	public long ownerId() {
		return ownerId;
	}

	public ArticleContent content() {
		return content;
	}

	public ArticleStatus status() {
		return status;
	}

	public Long publishedVersionId() {
		return publishedVersionId;
	}

	public Long pendingVersionId() {
		return pendingVersionId;
	}

	public String returnReason() {
		return returnReason;
	}
}
