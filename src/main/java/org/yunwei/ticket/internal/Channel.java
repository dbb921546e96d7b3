package org.yunwei.ticket.internal;

/** Where a ticket came from (受理渠道). */
public enum Channel {
	PORTAL, PHONE, EMAIL, API, MONITORING
}
