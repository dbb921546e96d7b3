package org.yunwei.ticket.internal.mail;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Organisations;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.mail.MailMessages.Outcome;
import org.yunwei.web.RejectedRequest;

/**
 * The e-mail intake (邮件受理): reads the unseen messages of an IMAP mailbox and files each into the service desk
 * ({@link MailFiling}). Exactly once: a message's Message-ID is recorded in the transaction that changes the ticket,
 * and the message is marked {@code \Seen} only after that commits; a message seen again after a crash between the
 * two is found in the record and only marked. Messages are fetched with {@code BODY.PEEK} so that reading one does
 * not mark it before its ticket is committed. A message that cannot be filed (unreadable, refused by the service
 * desk's checks, anything unexpected) is recorded as failed with the reason — in clean text cut to size, so that the
 * record cannot fail on what the message holds — and set aside ({@link MailSetAside}), as are bounces and automatic
 * replies, and the poll goes on with the next: one message never stops the intake. Only the database or the mailbox
 * failing stops the poll and leaves the message for the next one.
 */
@Service
class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private final MailReader reader;
	private final MailFiling filing;
	private final MailMessages messages;
	private final MailSenders senders;
	private final AssignmentGroups groups;
	private final ServiceCatalog catalog;
	private final Organisations organisations;
	private final MessageSource messageSource;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	MailIntake(MailReader reader, MailFiling filing, MailMessages messages, MailSenders senders,
			AssignmentGroups groups, ServiceCatalog catalog, Organisations organisations, MessageSource messageSource,
			AuditTrail audit, PlatformTransactionManager transactionManager) {
		this.reader = reader;
		this.filing = filing;
		this.messages = messages;
		this.senders = senders;
		this.groups = groups;
		this.catalog = catalog;
		this.organisations = organisations;
		this.messageSource = messageSource;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** How many messages of one poll ended how; {@code before} counts those filed by an earlier poll. */
	record Poll(Map<Outcome, Integer> outcomes, int before) {

		int count(Outcome outcome) {
			return outcomes.getOrDefault(outcome, 0);
		}
	}

	/**
	 * Reads up to {@link MailboxSettings#batchSize()} unseen messages and files each. A message that cannot be filed
	 * is recorded as failed and set aside ({@link MailSetAside}), bounces and automatic replies are recorded and set
	 * aside too, and the poll goes on with the next: only the mailbox or the database failing stops it.
	 *
	 * @throws IllegalStateException when the settings name no valid customer unit or group; nothing is read then
	 * @throws MessagingException when the mailbox cannot be reached or read
	 */
	Poll poll(MailboxSettings mailbox) throws MessagingException {
		Long partyId = check(mailbox);
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		int before = 0;
		Session session = Session.getInstance(MailboxConnection.properties(mailbox));
		try (Store store = session.getStore(mailbox.protocol())) {
			store.connect(mailbox.host(), mailbox.effectivePort(), mailbox.username(), mailbox.password());
			Folder folder = store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			MailSetAside aside = new MailSetAside(folder);
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, mailbox.batchSize()))) {
					Outcome outcome = take(message, folder, mailbox, partyId, aside);
					if (outcome == null) {
						before++;
					}
					else {
						outcomes.merge(outcome, 1, Integer::sum);
					}
				}
			}
			finally {
				if (folder.isOpen()) {
					folder.close(aside.expunge());
				}
			}
		}
		if (!outcomes.isEmpty()) {
			log.info("Mail intake {}: {}", mailbox.address(), outcomes);
		}
		return new Poll(Map.copyOf(outcomes), before);
	}

	/** Files one message and marks it, or sets it aside; {@code null} when it had been filed already. */
	private Outcome take(Message message, Folder folder, MailboxSettings mailbox, Long partyId, MailSetAside aside)
			throws MessagingException {
		String messageId;
		try {
			messageId = MailReader.messageId(message);
		}
		catch (MessageRemovedException gone) {
			return null;
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			rethrowIfPassing(unreadable);
			messageId = byPlace(folder, message);
		}
		if (messages.known(messageId)) {
			seen(message);
			return null;
		}
		Outcome outcome;
		try {
			MailInbound mail = reader.read(message);
			MailFiling.Filed filed = filing.file(mail, mailbox, partyId);
			if (filed.outcome() == null) {
				seen(message);
				return null;
			}
			outcome = filed.outcome();
		}
		catch (MessageRemovedException gone) {
			return null;
		}
		catch (MailUnreadable unreadable) {
			outcome = fail(message, messageId, mailbox, partyId,
					text(unreadable.messageKey(), unreadable.arguments()));
		}
		catch (RejectedRequest refused) {
			outcome = fail(message, messageId, mailbox, partyId, reason(refused));
		}
		catch (MessagingException | IOException | RuntimeException broken) {
			rethrowIfPassing(broken);
			log.warn("Mail intake {}: message {} could not be filed", mailbox.address(),
					MailText.cleanFit(messageId, 200), broken);
			outcome = fail(message, messageId, mailbox, partyId,
					text("ticket.mail.failure.unexpected", broken.getClass().getSimpleName() + ": " + broken.getMessage()));
		}
		if (outcome == Outcome.FAILED || outcome == Outcome.IGNORED) {
			String where = aside.setAside(message,
					outcome == Outcome.FAILED ? mailbox.failedFolder() : mailbox.automaticFolder());
			messages.setAside(messageId, where);
		}
		else {
			seen(message);
		}
		return outcome;
	}

	/**
	 * The mailbox or the database being away for now is no fault of the message: it stays unseen for the next poll.
	 */
	private static void rethrowIfPassing(Exception failure) throws MessagingException {
		if (failure instanceof FolderClosedException || failure instanceof StoreClosedException) {
			throw (MessagingException) failure;
		}
		if (failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransactionException) {
			throw new MessagingException("poll interrupted", failure);
		}
	}

	/** A key for a message whose Message-ID cannot even be read: its place in the mailbox, which does not change. */
	private static String byPlace(Folder folder, Message message) throws MessagingException {
		if (folder instanceof jakarta.mail.UIDFolder uids) {
			return "<uid." + uids.getUIDValidity() + "." + uids.getUID(message) + "." + MailText
				.cleanFit(folder.getFullName(), 100).replaceAll("[^A-Za-z0-9._-]", "_") + "@mail-intake.yunwei>";
		}
		return "<unreadable." + java.util.UUID.randomUUID() + "@mail-intake.yunwei>";
	}

	/**
	 * Records a message as failed. Whatever the message holds, the record holds clean text cut to size; should the
	 * record fail all the same, a bare one with no word of the message's is written instead, and should that fail
	 * too, the message is still set aside (the log says why), so that one message never stops the intake.
	 */
	private Outcome fail(Message message, String messageId, MailboxSettings mailbox, Long partyId, String reason) {
		String sender = MailText.cleanFit(MailReader.senderOrNull(message), 500);
		String subject = MailText.cleanFit(MailReader.subjectOrNull(message), 500);
		String why = MailText.cleanFit(reason, 2000);
		try {
			record(messageId, mailbox, sender, subject, partyId, why);
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException away) {
			throw away;
		}
		catch (RuntimeException refused) {
			log.warn("Mail intake {}: the failure of {} could not be recorded as it came: {}", mailbox.address(),
					MailText.cleanFit(messageId, 200), refused.toString());
			try {
				record(messageId, mailbox, null, null, partyId,
						text("ticket.mail.failure.unrecordable", MailText.cleanFit(why, 500)));
			}
			catch (RuntimeException stillRefused) {
				log.error("Mail intake {}: the failure of {} could not be recorded; it is set aside all the same",
						mailbox.address(), MailText.cleanFit(messageId, 200), stillRefused);
			}
		}
		return Outcome.FAILED;
	}

	private void record(String messageId, MailboxSettings mailbox, String sender, String subject, Long partyId,
			String reason) {
		transactions.executeWithoutResult(status -> {
			if (messages.fail(messageId, mailbox.address(), sender, subject, partyId, reason)) {
				Map<String, String> after = new java.util.LinkedHashMap<>();
				after.put("from", String.valueOf(sender));
				after.put("reason", reason);
				audit.record(AuditEntry.of("TICKET_MAIL_FAILED", "ticket_mail_message", messageId)
					.outcome(org.yunwei.audit.Outcome.FAILURE)
					.after(after)
					.detail(mailbox.address())
					.actor(text("ticket.mail.author")));
			}
		});
	}

	private static void seen(Message message) throws MessagingException {
		try {
			message.setFlag(Flags.Flag.SEEN, true);
		}
		catch (MessageRemovedException gone) {
			// someone deleted it meanwhile: nothing left to mark
		}
	}

	/**
	 * Refuses settings that would fail every message, before any is read; answers the provider party the mailbox
	 * serves (of its group, else of its service), whose administrators see its failures.
	 */
	private Long check(MailboxSettings mailbox) {
		if (mailbox.host() == null || mailbox.host().isBlank() || mailbox.username() == null
				|| mailbox.username().isBlank()) {
			throw new IllegalStateException("yunwei.mail.intake: host and username are required");
		}
		if (!senders.customerUnit(mailbox.customerOrgUnitId())) {
			throw new IllegalStateException(
					"yunwei.mail.intake.customer-org-unit-id: not an enabled customer unit: " + mailbox.customerOrgUnitId());
		}
		for (Long unit : mailbox.senderDomains().values()) {
			if (!senders.customerUnit(unit)) {
				throw new IllegalStateException("yunwei.mail.intake.sender-domains: not an enabled customer unit: " + unit);
			}
		}
		if (!Arrays.stream(TicketType.values()).map(Enum::name).toList().contains(mailbox.ticketType())) {
			throw new IllegalStateException("yunwei.mail.intake.ticket-type: INCIDENT or SERVICE_REQUEST");
		}
		if (mailbox.groupId() != null) {
			return groups.find(mailbox.groupId()).filter(AssignmentGroup::enabled).map(AssignmentGroup::partyId)
				.orElseThrow(() -> new IllegalStateException(
						"yunwei.mail.intake.group-id: not an enabled group: " + mailbox.groupId()));
		}
		if (mailbox.serviceId() != null) {
			return catalog.find(mailbox.serviceId())
				.flatMap(service -> organisations.find(service.providerOrgUnitId()))
				.map(unit -> unit.partyId())
				.orElseThrow(() -> new IllegalStateException(
						"yunwei.mail.intake.service-id: no such service: " + mailbox.serviceId()));
		}
		return null;
	}

	private String reason(RejectedRequest refused) {
		if (!refused.fieldErrors().isEmpty()) {
			return refused.fieldErrors().entrySet().stream()
				.map(e -> e.getKey() + ": " + text(e.getValue()))
				.collect(Collectors.joining("; "));
		}
		return text(refused.messageKey(), refused.arguments());
	}

	private String text(String key, Object... arguments) {
		return messageSource.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
