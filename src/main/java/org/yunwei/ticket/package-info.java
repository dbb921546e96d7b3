/**
 * The service desk (服务台) and incident management (事件管理, Hunan 6.1, 7.2; GZ 8.2.2): one ticket model for
 * service requests (服务请求) and incidents (事件) from every channel — the customer portal, phone, e-mail, the API
 * and monitoring alerts — with numbers such as {@code INC-20261122-0001}, a validated lifecycle, SLA clocks,
 * escalation, return visits and statistics.
 * <p>
 * Depends on {@code identity} for who is asking, their scope and the people and units a ticket names; on
 * {@code catalog} for the service a ticket is about; on {@code sla} for the agreement that applies and its clocks;
 * on {@code audit} to record every change in the same transaction; on {@code notification} for the {@code Notice}
 * it publishes; on {@code web} for refusals and keyset pages; and on {@code compliance} to give the evidence of the
 * key assessment items it serves (ticket records, work logs, statistics, feedback and return visits).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk",
		allowedDependencies = { "identity", "catalog", "sla", "audit", "notification", "web", "dataset",
				"compliance" })
package org.yunwei.ticket;
