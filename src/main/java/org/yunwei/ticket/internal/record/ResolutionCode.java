package org.yunwei.ticket.internal.record;

/** How a ticket was resolved (解决代码); resolving needs one and a text. */
public enum ResolutionCode {
	/** 已解决: the cause was removed. */
	SOLVED,
	/** 临时解决: a workaround restores the service; a problem record may follow. */
	WORKAROUND,
	/** 请求已完成: the service request was fulfilled. */
	FULFILLED,
	/** 无法复现. */
	NOT_REPRODUCIBLE,
	/** 重复: another ticket covers it. */
	DUPLICATE,
	/** 客户撤销. */
	WITHDRAWN
}
