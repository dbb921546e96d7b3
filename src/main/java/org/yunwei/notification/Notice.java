package org.yunwei.notification;

import java.util.Objects;
import java.util.Set;

/**
 * Something people should hear about (通知): published as an application event by the module where it happened, in
 * the transaction that made it happen. The notification module writes it in that transaction, so that it commits or
 * rolls back with the change: in the application to the users named, and into its outbox for e-mail to them and to
 * the extra addresses and for the group robots (DingTalk, WeCom, Feishu) configured for the topic and party, which
 * are sent after the commit.
 *
 * @param topic what happened, dotted, e.g. {@code ticket.assigned}: recipients' preferences and robots are chosen by
 *        it
 * @param subject one line; for e-mail the subject (for tickets it carries the number in brackets, e.g.
 *        {@code [INC-20261122-0001]}, so that replies thread back into the ticket)
 * @param body plain text, may span lines
 * @param link the path in the application that shows what happened, e.g. {@code /tickets/42}; {@code null} for none
 * @param recipientUserIds users to tell; those disabled or unknown are skipped
 * @param extraAddresses e-mail addresses of people who are not users (an e-mailed ticket's reporter)
 * @param partyId the party whose group robots may also hear of it; {@code null} for none
 */
public record Notice(String topic, String subject, String body, String link, Set<Long> recipientUserIds,
		Set<String> extraAddresses, Long partyId) {

	public Notice {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(subject, "subject");
		body = body == null ? "" : body;
		recipientUserIds = recipientUserIds == null ? Set.of() : Set.copyOf(recipientUserIds);
		extraAddresses = extraAddresses == null ? Set.of() : Set.copyOf(extraAddresses);
	}
}
