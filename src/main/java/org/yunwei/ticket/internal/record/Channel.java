package org.yunwei.ticket.internal.record;

/** Where a ticket came from (受理渠道). */
public enum Channel {
	PORTAL, PHONE, EMAIL, API, MONITORING
}
