package org.yunwei.ticket.internal.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.mail.MailMessages.Outcome;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.TicketNotices;
import org.yunwei.ticket.internal.work.TicketWork;

/**
 * Files one e-mail into the service desk, in one transaction with the record of its Message-ID: a reply to a ticket
 * (its number in brackets in the subject, or a Message-ID of the ticket's mails in In-Reply-To/References) becomes
 * a public customer reply when its sender is the ticket's customer ({@link MailSenders}) and an internal note
 * otherwise; any other mail opens a ticket (channel EMAIL). A reply also threads by the Message-IDs of the service
 * desk's own outgoing mail ({@link SentMail}), so that an answer to a notification whose subject the customer edited
 * still finds its ticket. The Message-ID is claimed first, so a message filed before, or being filed by another node,
 * changes nothing. A bounce or an automatic reply is recorded and files nothing.
 */
@Service
class MailFiling {

	/** The longest subject and text a ticket holds (TicketIntake's and TicketWork's limits). */
	private static final int SUBJECT_MAX = 200;
	private static final int TEXT_MAX = 10000;

	private final MailMessages messages;
	private final MailSenders senders;
	private final MailAttachments attachments;
	private final TicketIntake intake;
	private final TicketWork work;
	private final TicketRecords tickets;
	private final Timeline timeline;
	private final TicketNotices notices;
	private final ServiceCatalog catalog;
	private final AuditTrail audit;
	private final SentMail sentMail;
	private final MailAcknowledgements acknowledgements;

	MailFiling(MailMessages messages, MailSenders senders, MailAttachments attachments, TicketIntake intake,
			TicketWork work, TicketRecords tickets, Timeline timeline, TicketNotices notices, ServiceCatalog catalog,
			AuditTrail audit, SentMail sentMail, MailAcknowledgements acknowledgements) {
		this.sentMail = sentMail;
		this.acknowledgements = acknowledgements;
		this.messages = messages;
		this.senders = senders;
		this.attachments = attachments;
		this.intake = intake;
		this.work = work;
		this.tickets = tickets;
		this.timeline = timeline;
		this.notices = notices;
		this.catalog = catalog;
		this.audit = audit;
	}

	/** What became of a message: its outcome and ticket, or nothing when it had been filed already. */
	record Filed(Outcome outcome, Long ticketId) {

		static final Filed BEFORE = new Filed(null, null);
	}

	@Transactional
	Filed file(MailInbound mail, MailboxSettings mailbox, Long partyId) {
		Optional<Long> claim = messages.claim(mail.messageId(), mailbox.address(), mail.sender(),
				MailText.fit(mail.subject(), 500), partyId);
		if (claim.isEmpty()) {
			return Filed.BEFORE;
		}
		Filed filed = mail.byProgram() ? new Filed(Outcome.IGNORED, null) : route(mail, mailbox);
		messages.complete(claim.get(), filed.outcome(), filed.ticketId(), switch (mail.automatic()) {
			case BOUNCE -> notices.text("ticket.mail.ignored.bounce");
			case REPLY -> notices.text("ticket.mail.ignored.automatic");
			case NONE -> null;
		});
		if (filed.outcome() == Outcome.CREATED && acknowledgements.due(mail, mailbox)) {
			acknowledgements.send(tickets.find(filed.ticketId()).orElseThrow(), mail);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("messageId", mail.messageId());
		after.put("from", mail.fromAddress());
		after.put("outcome", filed.outcome());
		after.put("ticketId", filed.ticketId());
		audit.record(AuditEntry.of("TICKET_MAIL_FILED", "ticket_mail_message", claim.get()).after(after)
			.detail(mailbox.address()).actor(systemAuthor().name()));
		return filed;
	}

	private Filed route(MailInbound mail, MailboxSettings mailbox) {
		Optional<TicketRow> thread = MailText.ticketNumber(mail.subject()).flatMap(tickets::findByNumber)
			.or(() -> messages.ticketOf(mail.references()).flatMap(tickets::find))
			.or(() -> sentMail.ticketOf(mail.references()).flatMap(tickets::find));
		if (thread.isEmpty()) {
			return open(mail, mailbox, null);
		}
		TicketRow ticket = thread.get();
		Optional<Author> correspondent = senders.correspondent(ticket, mail);
		if (ticket.status() == TicketStatus.CLOSED) {
			// a closed ticket takes no replies: the customer's mail is a new matter that names the old one
			return correspondent.isPresent() ? open(mail, mailbox, ticket) : note(ticket, mail);
		}
		if (correspondent.isEmpty()) {
			return note(ticket, mail);
		}
		work.replyByMail(ticket.id(), MailText.fit(replyText(mail), TEXT_MAX), correspondent.get());
		TicketRow replied = tickets.find(ticket.id()).orElseThrow();
		attachments.store(replied, mail, true, correspondent.get());
		remark(replied, mail);
		return new Filed(Outcome.REPLY, ticket.id());
	}

	private Filed open(MailInbound mail, MailboxSettings mailbox, TicketRow closed) {
		Optional<Person> user = senders.customerUser(mail.fromAddress());
		Long unit = user.map(Person::orgUnitId).orElseGet(() -> mailbox.unitForDomain(mail.fromAddress()));
		if (!senders.customerUnit(unit)) {
			unit = mailbox.customerOrgUnitId();
		}
		Long serviceId = mailbox.serviceId() != null && unit != null && catalog.orderableBy(mailbox.serviceId(), unit)
				? mailbox.serviceId() : null;
		String subject = MailText.subject(mail.subject());
		String text = MailText.withoutQuote(mail.text());
		if (closed != null) {
			text = notices.text("ticket.mail.closed-ticket", closed.number()) + "\n\n" + text;
		}
		if (text.isBlank()) {
			text = subject.isBlank() ? notices.text("ticket.mail.empty-body") : subject;
		}
		if (subject.isBlank()) {
			subject = MailText.fit(text.lines().findFirst().orElse("").strip(), 60);
		}
		String name = mail.fromName() == null || mail.fromName().isBlank() ? mail.fromAddress() : mail.fromName();
		TicketDraft draft = new TicketDraft(mailbox.ticketType(), MailText.fit(subject, SUBJECT_MAX),
				MailText.fit(text, TEXT_MAX), unit, user.map(Person::id).orElse(null),
				user.isPresent() ? null : MailText.fit(name.strip(), 100),
				MailText.fit(mail.fromAddress(), 200), Channel.EMAIL.name(), serviceId, null, null, null, null, null,
				mailbox.groupId(), null);
		Author author = user.map(p -> new Author(p.id(), p.displayName())).orElseGet(() -> Author.system(name));
		TicketRow ticket = intake.openForSystem(draft, Channel.EMAIL, author, null);
		attachments.store(ticket, mail, true, author);
		remark(ticket, mail);
		return new Filed(Outcome.CREATED, ticket.id());
	}

	/** Tells the agents, in an internal note, what they should know of how the mail was read. */
	private void remark(TicketRow ticket, MailInbound mail) {
		if (mail.remarks().isEmpty()) {
			return;
		}
		String note = String.join("\n", mail.remarks().stream().map(key -> notices.text(key)).toList());
		Author system = systemAuthor();
		timeline.append(ticket.id(), EntryKind.NOTE, false, null, system.name(), note, Map.of("source", "EMAIL"),
				null);
		audit.record(AuditEntry.of("TICKET_NOTE", "ticket", ticket.id()).detail(ticket.number())
			.actor(system.auditActor()));
	}

	/** A mail from someone who is not the ticket's customer: kept for the agents only, with who sent it. */
	private Filed note(TicketRow ticket, MailInbound mail) {
		TicketRow locked = tickets.lock(ticket.id()).orElseThrow();
		StringBuilder body = new StringBuilder(notices.text("ticket.mail.note.stranger", mail.sender()));
		body.append("\n\n").append(replyText(mail));
		if (!mail.attachments().isEmpty()) {
			body.append("\n\n").append(notices.text("ticket.mail.note.attachments-not-kept",
					String.join(", ", mail.attachments().stream().map(MailAttachment::filename).toList())));
		}
		Author system = systemAuthor();
		timeline.append(locked.id(), EntryKind.NOTE, false, null, system.name(), MailText.fit(body.toString(), TEXT_MAX),
				Map.of("source", "EMAIL", "from", mail.fromAddress()), null);
		tickets.update(locked, TicketTime.now());
		audit.record(AuditEntry.of("TICKET_NOTE", "ticket", locked.id()).detail(locked.number())
			.actor(system.auditActor()));
		notices.to(locked, "mail-note", notices.text("ticket.mail.note.stranger", mail.sender()),
				notices.workers(locked));
		return new Filed(Outcome.NOTE, locked.id());
	}

	private String replyText(MailInbound mail) {
		String text = MailText.withoutQuote(mail.text());
		return text.isBlank() ? notices.text("ticket.mail.empty-body") : text;
	}

	private Author systemAuthor() {
		return Author.system(notices.text("ticket.mail.author"));
	}
}
