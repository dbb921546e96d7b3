package org.yunwei.emergency.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.TicketOpened;
import org.yunwei.ticket.TicketPriorityChanged;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;

/**
 * A P1 incident during a key period (重要保障期) pages the duty leads on duty at that instant in the provider's
 * key-period rosters (in-app, e-mail and the party's group robots): an incident opened as P1, and one raised to P1
 * later (the instant of the raise counts). Safe to receive twice: the page is recorded per ticket ({@code duty_page})
 * in the transaction that sends it, and a ticket already paged is not paged again (nor when lowered and raised
 * again).
 * <p>
 * Which events can page is said in the listeners' conditions, not only tested in the methods: the event publication
 * registry asks the condition before it stores a publication, and every ticket creation (and priority change) would
 * otherwise write one, have it delivered in a transaction of its own and delete it, to find that the ticket is no P1
 * incident. A P1 incident is read back all the same, as its priority may have changed before the delivery.
 */
@Component
class KeyPeriodPaging {

	static final String TOPIC = "emergency.key-period-p1";

	/**
	 * An incident with a provider, opened as P1; a publication of before the event said its priority (none) too,
	 * so that one waiting at an upgrade is still delivered.
	 */
	static final String OPENED_AS_P1 = "#p0.type().name() == 'INCIDENT' and #p0.providerPartyId() != null"
			+ " and (#p0.priority() == null or #p0.priority() == 'P1')";

	/** An incident with a provider, raised to P1 from another priority. */
	static final String RAISED_TO_P1 = "#p0.type().name() == 'INCIDENT' and #p0.providerPartyId() != null"
			+ " and #p0.priority() == 'P1' and #p0.previousPriority() != 'P1'";

	private final Tickets tickets;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	KeyPeriodPaging(Tickets tickets, JdbcClient jdbc, ApplicationEventPublisher events, MessageSource messages) {
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.events = events;
		this.messages = messages;
	}

	@ApplicationModuleListener(condition = OPENED_AS_P1)
	void on(TicketOpened opened) {
		if (opened.type() != TicketType.INCIDENT || opened.providerPartyId() == null) {
			return;
		}
		TicketReference ticket = tickets.findForSystem(opened.ticketId()).orElse(null);
		if (ticket == null || !"P1".equals(ticket.priority())) {
			return;
		}
		page(ticket, opened.providerPartyId(), opened.openedAt());
	}

	@ApplicationModuleListener(condition = RAISED_TO_P1)
	void on(TicketPriorityChanged changed) {
		if (changed.type() != TicketType.INCIDENT || changed.providerPartyId() == null
				|| !"P1".equals(changed.priority()) || "P1".equals(changed.previousPriority())) {
			return;
		}
		tickets.findForSystem(changed.ticketId())
			.ifPresent(ticket -> page(ticket, changed.providerPartyId(), changed.at()));
	}

	private void page(TicketReference ticket, long providerPartyId, java.time.Instant at) {
		List<Long> leads = jdbc.sql("""
				select distinct s.person_id from duty_shift s join duty_roster r on r.id = s.roster_id
				where r.party_id = ? and r.kind = 'KEY_PERIOD' and s.lead and s.starts_at <= ? and s.ends_at > ?
				order by s.person_id""")
			.params(providerPartyId, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.query(Long.class).list();
		if (leads.isEmpty()) {
			return;
		}
		int recorded = jdbc.sql("""
				insert into duty_page (ticket_id, lead_ids) values (?, cast(? as bigint[]))
				on conflict (ticket_id) do nothing""")
			.params(ticket.id(), leads.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.update();
		if (recorded == 0) {
			return;
		}
		events.publishEvent(new Notice(TOPIC, text("emergency.notice.key-period-p1.subject", ticket.number(),
				ticket.subject()), text("emergency.notice.key-period-p1.body", ticket.number(), ticket.subject()),
				"/tickets/" + ticket.id(), Set.copyOf(leads), Set.of(), providerPartyId));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
