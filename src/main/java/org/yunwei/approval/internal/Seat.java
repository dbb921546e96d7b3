package org.yunwei.approval.internal;

/**
 * A person a stage's approver line resolves to when the stage starts. A post's backup carries the holder seated with
 * them ({@code standsInFor}, null when the post had no holder): the backup acts while that person is absent, even if
 * the post changes hands during the stage.
 */
public record Seat(long approverId, AssignmentVia via, Long postId, Long standsInFor) {

	public Seat(long approverId, AssignmentVia via, Long postId) {
		this(approverId, via, postId, null);
	}

	public String key() {
		return postId != null ? "post:" + postId : "person:" + approverId;
	}
}
