package org.yunwei.knowledge.internal;

import org.yunwei.approval.ReviewedVersions;

/**
 * A knowledge article and its lifecycle: draft → in review → published → retired. The working copy is what its
 * authors edit; readers see the published version, which stays in place while a revision is drafted or reviewed.
 * The stages and their refusals are the approval module's {@link ReviewedVersions}, which emergency plans share;
 * publishing only follows a grant for the version under review.
 */
public final class KnowledgeArticle {

	private static final String REFUSALS = "knowledge.article";

	private final long id;
	private final long partyId;
	private final long orgUnitId;
	private final long ownerId;
	private ArticleContent content;
	private final ReviewedVersions review;

	public KnowledgeArticle(long id, long partyId, long orgUnitId, long ownerId, ArticleContent content,
			ArticleStatus status, Long publishedVersionId, Long pendingVersionId, String returnReason) {
		this.id = id;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.ownerId = ownerId;
		this.content = content;
		this.review = new ReviewedVersions(REFUSALS, stage(status), publishedVersionId, pendingVersionId,
				returnReason);
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
		review.revise();
		content = revised;
	}

	/** The working copy goes for approval as the given version; only a draft may. */
	void submit(long versionId) {
		review.submit(versionId);
	}

	/** Whether a decision about this version is one this article is waiting for. */
	boolean awaits(long versionId) {
		return review.awaits(versionId);
	}

	/**
	 * The version under review was granted: it is what readers see now; returns the version it replaces, or
	 * {@code null}. Refused (409) for any version the article is not waiting for: nothing is published unapproved.
	 */
	Long publish(long versionId) {
		return review.approve(versionId);
	}

	/** The version under review was rejected, returned or withdrawn: a draft again, with the reason shown. */
	void notApproved(long versionId, String reason) {
		review.notApproved(versionId, reason);
	}

	/** No reader finds it any more; refused for an article never published, under review or already retired. */
	void retire() {
		review.retire(true);
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
		return switch (review.stage()) {
			case DRAFT -> ArticleStatus.DRAFT;
			case IN_REVIEW -> ArticleStatus.IN_REVIEW;
			case IN_FORCE -> ArticleStatus.PUBLISHED;
			case RETIRED -> ArticleStatus.RETIRED;
		};
	}

	public Long publishedVersionId() {
		return review.inForceVersionId();
	}

	public Long pendingVersionId() {
		return review.pendingVersionId();
	}

	public String returnReason() {
		return review.returnReason();
	}

	private static ReviewedVersions.Stage stage(ArticleStatus status) {
		return switch (status) {
			case DRAFT -> ReviewedVersions.Stage.DRAFT;
			case IN_REVIEW -> ReviewedVersions.Stage.IN_REVIEW;
			case PUBLISHED -> ReviewedVersions.Stage.IN_FORCE;
			case RETIRED -> ReviewedVersions.Stage.RETIRED;
		};
	}
}
