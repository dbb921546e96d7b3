/**
 * The service desk (服务台) and incident management (事件管理, Hunan 6.1, 7.2; GZ 8.2.2): one ticket model for
 * service requests (服务请求) and incidents (事件) from every channel — the customer portal, phone, e-mail, the API
 * and monitoring alerts — with numbers such as {@code INC-20261122-0001}, a validated lifecycle, SLA clocks,
 * escalation and statistics. Ratings and return visits belong to the evaluation module, which reacts to this
 * module's events and calls its facade {@link org.yunwei.ticket.Tickets}.
 * <p>
 * Depends on {@code identity} for who is asking, their scope and the people and units a ticket names; on
 * {@code catalog} for the service a ticket is about; on {@code sla} for the agreement that applies and its clocks;
 * on {@code audit} to record every change in the same transaction; on {@code notification} for the {@code Notice}
 * it publishes; and on {@code web} for refusals and keyset pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk",
		allowedDependencies = { "identity", "catalog", "sla", "audit", "notification", "web", "dataset" })
package org.yunwei.ticket;
