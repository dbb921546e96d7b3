package org.yunwei.ticket.internal.mail;

import java.time.Instant;

/**
 * A message of the mailbox that could not be filed into a ticket, and why. It was set aside for someone to handle by
 * hand: moved to the failed folder, or marked read and flagged where it was.
 *
 * @param messageId the Message-ID header, or a digest of the message when it had none or one too long to keep
 * @param mailbox the mailbox it was read from: user, host, port and folder
 * @param setAsideTo the folder it was moved to; empty when it was flagged where it was; {@code null} when it failed
 *        before the intake set messages aside
 */
public record MailFailure(long id, String messageId, String mailbox, String sender, String subject, String reason,
		String setAsideTo, Instant receivedAt) {
}
