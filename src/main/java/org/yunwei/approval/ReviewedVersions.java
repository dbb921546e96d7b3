package org.yunwei.approval;

import org.yunwei.web.RejectedRequest;

/**
 * Where a record stands whose versions take effect only once approved through this module (a knowledge article's
 * 入库审批, an emergency plan's approval): its working copy is a draft, or one version of it is under review, or the
 * record is retired; the version in force stays in force while a revision is drafted or reviewed. The record's own
 * aggregate holds one of these and keeps its own words for the stages (已发布, 已批准 …).
 * <p>
 * Each transition checks the stage it starts from and refuses (409) otherwise, with the record's own refusals:
 * for the prefix {@code knowledge.article} the problem type {@code knowledge-article-not-draft} and the message
 * {@code knowledge.article.not-draft}, and likewise {@code not-editable}, {@code not-approved},
 * {@code not-in-review} and {@code not-retirable}. Nothing takes effect without a grant for the version under
 * review.
 */
public final class ReviewedVersions {

	/** The working copy's stage. */
	public enum Stage {
		DRAFT, IN_REVIEW, IN_FORCE, RETIRED
	}

	private final String refusals;
	private Stage stage;
	private Long inForceVersionId;
	private Long pendingVersionId;
	private String returnReason;

	/**
	 * @param refusals the prefix of the record's refusal messages, e.g. {@code knowledge.article}
	 */
	public ReviewedVersions(String refusals, Stage stage, Long inForceVersionId, Long pendingVersionId,
			String returnReason) {
		this.refusals = refusals;
		this.stage = stage;
		this.inForceVersionId = inForceVersionId;
		this.pendingVersionId = pendingVersionId;
		this.returnReason = returnReason;
	}

	/** A new record: a draft, nothing in force. */
	public static ReviewedVersions draft(String refusals) {
		return new ReviewedVersions(refusals, Stage.DRAFT, null, null, null);
	}

	/**
	 * The working copy changes: a draft stays one, a record in force gets a draft revision (the version in force
	 * stays). Refused while in review (withdraw first) and once retired.
	 */
	public void revise() {
		if (stage == Stage.IN_REVIEW || stage == Stage.RETIRED) {
			throw refused("not-editable");
		}
		stage = Stage.DRAFT;
		returnReason = null;
	}

	/** The working copy goes for approval as the given version; only a draft may. */
	public void submit(long versionId) {
		if (stage != Stage.DRAFT) {
			throw refused("not-draft");
		}
		stage = Stage.IN_REVIEW;
		pendingVersionId = versionId;
		returnReason = null;
	}

	/** Whether a decision about this version is one the record is waiting for. */
	public boolean awaits(long versionId) {
		return stage == Stage.IN_REVIEW && pendingVersionId != null && pendingVersionId == versionId;
	}

	/**
	 * The version under review was granted: it is in force now. Refused for any version the record is not waiting
	 * for.
	 *
	 * @return the version it replaces, or {@code null}
	 */
	public Long approve(long versionId) {
		if (!awaits(versionId)) {
			throw refused("not-approved");
		}
		Long replaced = inForceVersionId;
		inForceVersionId = versionId;
		pendingVersionId = null;
		stage = Stage.IN_FORCE;
		return replaced;
	}

	/** The version under review was rejected, returned or withdrawn: a draft again, with the reason kept to show. */
	public void notApproved(long versionId, String reason) {
		if (!awaits(versionId)) {
			throw refused("not-in-review");
		}
		pendingVersionId = null;
		stage = Stage.DRAFT;
		returnReason = reason;
	}

	/**
	 * The record is withdrawn from use; refused under review and once retired, and, where {@code onlyOnceInForce},
	 * for a record no version of which was ever in force.
	 */
	public void retire(boolean onlyOnceInForce) {
		if (stage == Stage.RETIRED || stage == Stage.IN_REVIEW || (onlyOnceInForce && inForceVersionId == null)) {
			throw refused("not-retirable");
		}
		stage = Stage.RETIRED;
	}

	/** Whether a version is in force and the record is not retired. */
	public boolean inForce() {
		return inForceVersionId != null && stage != Stage.RETIRED;
	}

	public Stage stage() {
		return stage;
	}

	public Long inForceVersionId() {
		return inForceVersionId;
	}

	public Long pendingVersionId() {
		return pendingVersionId;
	}

	public String returnReason() {
		return returnReason;
	}

	private RejectedRequest refused(String what) {
		return RejectedRequest.conflict(refusals.replace('.', '-') + "-" + what, refusals + "." + what);
	}
}
