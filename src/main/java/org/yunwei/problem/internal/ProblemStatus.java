package org.yunwei.problem.internal;

/** The lifecycle: 已登记 → 分析中 → 处理中 → 已解决 → 已关闭, or 已取消 from any state before 已关闭. */
public enum ProblemStatus {
	REGISTERED, ANALYSING, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

	/** Whether the problem is still being worked on (neither closed nor cancelled). */
	public boolean open() {
		return this != CLOSED && this != CANCELLED;
	}
}
