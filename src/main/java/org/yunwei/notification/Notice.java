package org.yunwei.notification;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something people should hear about (通知): published as an application event by the module where it happened, in
 * the transaction that made it happen; the notification module delivers it after commit, in the application to the
 * users named, by e-mail to them and to the extra addresses, and to the group robots (DingTalk, WeCom, Feishu)
 * configured for the topic and party.
 * <p>
 * The sets are kept sorted, so that a notice always serialises to the same text: the event publication registry finds
 * a notice that is still owed by that text, also after a restart.
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
		recipientUserIds = recipientUserIds == null ? Set.of() : sorted(recipientUserIds);
		extraAddresses = extraAddresses == null ? Set.of() : sorted(extraAddresses);
	}

	private static <T extends Comparable<T>> Set<T> sorted(Set<T> values) {
		return Collections.unmodifiableSortedSet(new TreeSet<>(Set.copyOf(values)));
	}
}
