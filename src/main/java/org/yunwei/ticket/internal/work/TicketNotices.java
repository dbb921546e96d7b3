package org.yunwei.ticket.internal.work;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.web.FieldErrors;

/**
 * Tells people what happened to a ticket by publishing a {@link Notice} in the transaction of the change (the
 * notification module writes it in that transaction, so it commits with the change). The subject carries the number
 * in brackets so that e-mail replies thread back into the ticket. Texts are in the service desk's language (zh-CN).
 */
@Component
public class TicketNotices {

	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final AssignmentGroups groups;

	TicketNotices(ApplicationEventPublisher events, MessageSource messages, AssignmentGroups groups) {
		this.events = events;
		this.messages = messages;
		this.groups = groups;
	}

	/** The people working a ticket: its assignee, or the whole group while nobody has taken it. */
	public Set<Long> workers(TicketRow ticket) {
		if (ticket.assigneeUserId() != null) {
			return Set.of(ticket.assigneeUserId());
		}
		return ticket.groupId() == null ? Set.of()
				: groups.find(ticket.groupId()).map(g -> Set.copyOf(g.memberIds())).orElse(Set.of());
	}

	/** {@link #workers(TicketRow)} of a ticket whose group the caller has read. */
	public static Set<Long> workers(Long assigneeUserId, AssignmentGroup group) {
		if (assigneeUserId != null) {
			return Set.of(assigneeUserId);
		}
		return group == null ? Set.of() : Set.copyOf(group.memberIds());
	}

	/** The reporter: a user to notify in the application, or an e-mail address given as contact. */
	public void toReporter(TicketRow ticket, String topic, String body) {
		toReporter(ticket, topic, body, "/tickets/" + ticket.id());
	}

	/** The reporter, with a link to another page than the ticket's, e.g. the rating page. */
	public void toReporter(TicketRow ticket, String topic, String body, String link) {
		Set<String> addresses = new LinkedHashSet<>();
		String contact = FieldErrors.clean(ticket.reporterContact());
		if (contact != null && FieldErrors.EMAIL.matcher(contact).matches()) {
			addresses.add(contact);
		}
		publish(ticket, topic, body, ticket.reporterUserId() == null ? Set.of() : Set.of(ticket.reporterUserId()),
				addresses, link);
	}

	public void to(TicketRow ticket, String topic, String body, Collection<Long> userIds) {
		publish(ticket, topic, body, Set.copyOf(userIds), Set.of(), "/tickets/" + ticket.id());
	}

	/** A line of text in the service desk's language, from the ticket bundle. */
	public String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}

	private void publish(TicketRow ticket, String topic, String body, Set<Long> userIds, Set<String> addresses,
			String link) {
		if (userIds.isEmpty() && addresses.isEmpty() && ticket.providerPartyId() == null) {
			return;
		}
		String subject = "[" + ticket.number() + "] " + text("ticket.notice." + topic) + ": " + ticket.subject();
		events.publishEvent(new Notice("ticket." + topic, subject, body, link, userIds,
				addresses, ticket.providerPartyId()));
	}
}
