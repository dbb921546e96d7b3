package org.yunwei.approval.internal;

/** What an approver decided. */
public enum DecisionKind {
	APPROVE, REJECT, RETURN
}
