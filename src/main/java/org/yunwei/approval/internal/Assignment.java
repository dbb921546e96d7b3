package org.yunwei.approval.internal;

import java.time.Instant;

/**
 * One person who may decide in a stage of a request, and why, fixed when the stage started. A post's holder and
 * backup share one seat: the decision of either counts once towards the stage. A backup stands in for the holder
 * seated with them ({@code standsInFor}; null when the post had no holder then).
 */
public record Assignment(long id, long requestId, int stagePosition, long approverId, AssignmentVia via, Long postId,
		Long standsInFor, boolean waiting, Instant since) {

	/** The seat this assignment fills: a post's, or the person's own. */
	public String seat() {
		return postId != null ? "post:" + postId : "person:" + approverId;
	}
}
