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
 * it publishes and the {@code NoticeMailed} it listens to (the Message-IDs of its tickets' mail, which thread e-mail
 * answers); on {@code web} for refusals and keyset pages; on {@code compliance} to give the evidence of the
 * key assessment items it serves (ticket records, work logs, statistics, feedback and return visits); and on
 * {@code search} to offer its tickets to global search (by number and subject, in the reader's scope).
 * <p>
 * The events it publishes, in the transaction of the change, so that the event publication registry keeps them for
 * every {@code @ApplicationModuleListener} until it is served:
 * <ul>
 * <li>{@link org.yunwei.ticket.TicketOpened}: a ticket was opened, from any channel (portal, API, phone, e-mail,
 * monitoring). The demonstration data generator writes its tickets without it.</li>
 * <li>{@link org.yunwei.ticket.TicketAssigned}: a ticket went to an assignment group and perhaps one of its members:
 * when it was opened in a group, assigned to another group or member (also in bulk), taken by the member who starts
 * work on it, or escalated to another group (职能升级) by its SLA.</li>
 * <li>{@link org.yunwei.ticket.TicketResolved}: a ticket was resolved, by an agent (also in bulk) or by monitoring
 * when its alert recovered.</li>
 * <li>{@link org.yunwei.ticket.TicketClosed}: a resolved ticket was closed: by the service desk (also in bulk), by
 * its customer confirming the resolution, or by the system when nobody confirmed it in time.</li>
 * <li>{@link org.yunwei.ticket.TicketReopened}: a resolved ticket was reopened, by its customer or the service desk,
 * or by monitoring when its alert fired again.</li>
 * <li>{@link org.yunwei.ticket.TicketPriorityChanged}: an open ticket's changed impact or urgency gave it another
 * priority (e.g. an incident raised to P1 after it was opened), with the priority before and after.</li>
 * </ul>
 * A ticket opened in a group publishes {@code TicketOpened} and then {@code TicketAssigned}. Pending, resuming,
 * other field changes, replies and notes publish nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk",
		allowedDependencies = { "identity", "catalog", "sla", "audit", "notification", "web", "dataset",
				"compliance", "search" })
package org.yunwei.ticket;
