package org.yunwei.approval.internal;

/** A person a stage's approver line resolves to. */
public record Seat(long approverId, AssignmentVia via, Long postId) {

	public String key() {
		return postId != null ? "post:" + postId : "person:" + approverId;
	}
}
