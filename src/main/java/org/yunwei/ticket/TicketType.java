package org.yunwei.ticket;

/** The two kinds of ticket, each with the prefix of its numbers. */
public enum TicketType {
	/** 事件: something broke or degraded. */
	INCIDENT("INC"),
	/** 服务请求: something is asked for (an account, a device, a permission). */
	SERVICE_REQUEST("REQ");

	private final String prefix;

	TicketType(String prefix) {
		this.prefix = prefix;
	}

	public String prefix() {
		return prefix;
	}
}
