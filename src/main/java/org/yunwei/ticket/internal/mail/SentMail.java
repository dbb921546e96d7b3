package org.yunwei.ticket.internal.mail;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;
import org.yunwei.notification.NoticeMailed;

/**
 * The {@code ticket_mail_sent} table: the Message-IDs of the service desk's own mail about a ticket (its
 * notifications and acknowledgements), kept when the notification module reports one sent, so that an answer naming
 * one in {@code In-Reply-To}/{@code References} threads into its ticket though its subject lost the number.
 */
@Repository
class SentMail {

	private static final Pattern TICKET_LINK = Pattern.compile("^/tickets/(\\d+)(?:[/?#].*)?$");

	private final JdbcClient jdbc;

	SentMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the Message-ID of a ticket's mail; once, however often the report comes. */
	@ApplicationModuleListener
	void on(NoticeMailed mailed) {
		if (!mailed.topic().startsWith("ticket.") || mailed.link() == null) {
			return;
		}
		Matcher link = TICKET_LINK.matcher(mailed.link());
		if (!link.matches()) {
			return;
		}
		jdbc.sql("""
				insert into ticket_mail_sent (message_id, ticket_id, recipient, topic)
				select ?, id, ?, ? from ticket where id = ?
				on conflict (message_id) do nothing""")
			.params(MailReader.key(mailed.messageId()), MailText.cleanFit(mailed.recipient(), 254),
					MailText.cleanFit(mailed.topic(), 100), Long.parseLong(link.group(1)))
			.update();
	}

	/** The ticket whose mail the newest of these Message-IDs is. */
	Optional<Long> ticketOf(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		List<String> ids = messageIds.stream().distinct().limit(50).toList();
		return jdbc.sql("select ticket_id from ticket_mail_sent where message_id in (%s) order by sent_at desc limit 1"
			.formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))))
			.params(ids.toArray())
			.query(Long.class)
			.optional();
	}
}
