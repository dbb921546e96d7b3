package org.yunwei.ticket.internal.mail;

import java.time.Instant;

/**
 * A message of the mailbox that could not be filed into a ticket, and why. It stays in the mailbox (marked read) for
 * someone to handle by hand.
 *
 * @param messageId the Message-ID header, or a digest of the message when it had none
 * @param mailbox the mailbox it was read from: user, host, port and folder
 */
public record MailFailure(long id, String messageId, String mailbox, String sender, String subject, String reason,
		Instant receivedAt) {
}
