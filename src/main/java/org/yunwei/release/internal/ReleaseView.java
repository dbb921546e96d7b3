package org.yunwei.release.internal;

import java.time.Instant;
import java.util.List;

import org.yunwei.release.internal.Release.ReleaseDeployment;
import org.yunwei.release.internal.Release.ReleasedChange;
import org.yunwei.release.internal.Release.ReleaseItem;
import org.yunwei.release.internal.Release.ReleaseNewItem;

/**
 * A release as the API and its page show it.
 *
 * @param approvalRequestId the approval request of the content under approval or approved; {@code null} before
 *        submission
 * @param approvalCurrent whether the release still stands at the hash that was submitted
 * @param decisionNote why the last approval did not grant it, or why it was cancelled
 * @param deployment the deployment record (部署记录); {@code null} until recorded
 * @param completionNote the completion record (发布完成信息记录); {@code null} until completed
 * @param cmdbUpdates what the CMDB was told on completion, e.g. {@code 不动产登记系统 → V2.4.0}
 * @param newItems the configuration items the release brings, each with the id of the item created on completion
 */
public record ReleaseView(long id, String number, int version, ReleaseStatus status, ReleaseType type, String title,
		String releaseVersion, List<ReleaseItem> items, List<ReleasedChange> changes, String plan, Instant plannedAt,
		String knownErrors, long requesterId, String requesterName, Long approvalRequestId, boolean approvalCurrent,
		Instant submittedAt, Instant approvedAt, String decisionNote, ReleaseDeployment deployment, String completionNote,
		String completedByName, Instant completedAt, List<String> cmdbUpdates, List<ReleaseNewItem> newItems, Instant createdAt,
		Instant updatedAt) {

	static ReleaseView of(Release r, String requesterName, String completedByName) {
		return new ReleaseView(r.id(), r.number(), r.version(), r.status(), r.type(), r.title(), r.releaseVersion(),
				r.items(), r.changes(), r.plan(), r.plannedAt(), r.knownErrors(), r.requesterId(), requesterName,
				r.approvalRequestId(), r.submittedHash() != null && r.submittedHash().equals(r.contentHash()),
				r.submittedAt(), r.approvedAt(), r.decisionNote(), r.deployment(), r.completionNote(),
				completedByName, r.completedAt(), r.cmdbUpdates(), r.newItems(), r.createdAt(), r.updatedAt());
	}
}
