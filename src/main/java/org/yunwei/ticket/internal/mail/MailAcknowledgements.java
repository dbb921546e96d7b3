package org.yunwei.ticket.internal.mail;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.work.TicketNotices;

/**
 * The acknowledgement (受理回执) an outside sender gets when their mail opened a ticket: its number in the subject, in
 * brackets, so that their answer threads in, and the link to it. Sent only when the mailbox asks for it
 * ({@link MailboxSettings#acknowledge()}), and never to a message a program sent (a bounce, an automatic reply — see
 * {@link MailAutomatic}), to a mailing list, or to the service desk's own addresses: answering those is how two
 * automatic mailboxes write to each other for ever. The acknowledgement itself goes out marked
 * {@code Auto-Submitted: auto-generated}, so that another service desk files and answers it not at all.
 */
@Component
class MailAcknowledgements {

	static final String TOPIC = "ticket.mail-acknowledged";

	private final ApplicationEventPublisher events;
	private final TicketNotices notices;
	private final MailSenders senders;
	private final String ownAddress;

	MailAcknowledgements(ApplicationEventPublisher events, TicketNotices notices, MailSenders senders,
			@org.springframework.beans.factory.annotation.Value("${yunwei.notification.mail-from:}") String mailFrom) {
		this.events = events;
		this.notices = notices;
		this.senders = senders;
		this.ownAddress = mailFrom.strip().replaceAll(".*<([^>]*)>.*", "$1").toLowerCase(Locale.ROOT);
	}

	/** Whether this mail, which opened a ticket, is to be acknowledged. */
	boolean due(MailInbound mail, MailboxSettings mailbox) {
		String from = mail.fromAddress();
		return mailbox.acknowledge() && !mail.byProgram() && !mail.bulk() && !from.equals(ownAddress)
				&& !from.equalsIgnoreCase(mailbox.username())
				&& !from.toLowerCase(Locale.ROOT).matches("^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@.*");
	}

	/** Publishes the acknowledgement to the ticket's reporter: the user whose mail it was, or the bare address. */
	void send(TicketRow ticket, MailInbound mail) {
		Set<Long> users = senders.customerUser(mail.fromAddress()).map(person -> Set.of(person.id())).orElse(Set.of());
		String subject = "[" + ticket.number() + "] " + notices.text("ticket.mail.acknowledgement.subject",
				ticket.subject());
		String body = notices.text("ticket.mail.acknowledgement.body", ticket.number(), ticket.subject());
		// no party: the group robots hear of the ticket being opened, not of the receipt
		events.publishEvent(new Notice(TOPIC, subject, body, "/tickets/" + ticket.id(), users,
				users.isEmpty() ? Set.of(mail.fromAddress()) : Set.of(), null));
	}
}
