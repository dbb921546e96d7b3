package org.yunwei.change.internal;

import java.time.Instant;
import java.util.List;

import org.yunwei.change.internal.ChangeRequest.AffectedItem;
import org.yunwei.change.internal.ChangeRequest.PlanStep;

/**
 * A change as the API and its page show it.
 *
 * @param assessment the risk and impact assessment (变更评估报告) as computed
 * @param riskLevel the level in force: the computed one, or the assessor's with {@code riskJustification}
 * @param approvalRequestId the approval request of the content under approval or approved; {@code null} for a
 *        standard change or before submission
 * @param freezeOverride whether the change, an emergency one planned into a freeze window, needs the override
 *        approval ({@code overrideRequestId}) beside its own
 * @param approvalCurrent whether the change still stands at the hash that was submitted
 * @param decisionNote why the last approval did not grant it, or why it was cancelled
 * @param slaClocks the change's SLA clocks where a change SLA rule set them (approval, implementation window)
 */
public record ChangeView(long id, String number, int version, ChangeStatus status, ChangeCategory category,
		ChangeType type, String title, String necessity, String reason, List<AffectedItem> items,
		RiskAssessment assessment, RiskLevel riskLevel, String riskJustification, List<PlanStep> steps,
		String rollbackPlan, Instant plannedStart, Instant plannedEnd, Instant actualStart, Instant actualEnd,
		ChangeOutcome outcome, String outcomeNote, String review, Instant reviewedAt, String reviewerName,
		long requesterId, String requesterName, Long approvalPolicyId, Long approvalRequestId,
		boolean approvalGranted, boolean freezeOverride, Long overrideRequestId, boolean overrideGranted,
		boolean approvalCurrent, Instant submittedAt, Instant approvedAt, String decisionNote, Instant createdAt,
		Instant updatedAt, List<ChangeSlaClock> slaClocks) {

	static ChangeView of(ChangeRequest c, String requesterName, String reviewerName, List<ChangeSlaClock> clocks) {
		return new ChangeView(c.id(), c.number(), c.version(), c.status(), c.category(), c.type(), c.title(),
				c.necessity(), c.reason(), c.items(), c.assessment(), c.riskLevel(), c.riskJustification(), c.steps(),
				c.rollbackPlan(), c.plannedStart(), c.plannedEnd(), c.actualStart(), c.actualEnd(), c.outcome(),
				c.outcomeNote(), c.review(), c.reviewedAt(), reviewerName, c.requesterId(), requesterName,
				c.approvalPolicyId(), c.approvalRequestId(), c.approvalGranted(), c.freezeOverride(),
				c.overrideRequestId(), c.overrideGranted(),
				c.submittedHash() != null && c.submittedHash().equals(c.contentHash()), c.submittedAt(),
				c.approvedAt(), c.decisionNote(), c.createdAt(), c.updatedAt(), List.copyOf(clocks));
	}
}
