package org.yunwei.ticket.internal.record;

/** Whom a pending ticket waits for; while it waits its SLA clocks are paused. */
public enum PendingReason {
	/** 等待客户: information or a test from the customer. */
	CUSTOMER,
	/** 等待第三方: a vendor, a carrier, another provider. */
	THIRD_PARTY
}
