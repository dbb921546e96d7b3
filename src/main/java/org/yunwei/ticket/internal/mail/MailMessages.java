package org.yunwei.ticket.internal.mail;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.record.TicketRecords;

/** The {@code ticket_mail_message} table: which messages of the mailbox were filed, and how. */
@Repository
class MailMessages {

	enum Outcome {
		RECEIVED, CREATED, REPLY, NOTE, IGNORED, FAILED
	}

	private final JdbcClient jdbc;

	MailMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean known(String messageId) {
		return jdbc.sql("select exists (select 1 from ticket_mail_message where message_id = ?)")
			.param(messageId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Claims a message for the current transaction. Empty when it was filed before, or by another node whose
	 * transaction committed while this one waited on the unique index.
	 */
	Optional<Long> claim(String messageId, String mailbox, String sender, String subject, Long partyId) {
		return jdbc.sql("""
				insert into ticket_mail_message (message_id, mailbox, sender, subject, outcome, party_id)
				values (?, ?, ?, ?, 'RECEIVED', ?) on conflict (message_id) do nothing returning id""")
			.params(messageId, mailbox, sender, subject, partyId)
			.query(Long.class)
			.optional();
	}

	void complete(long id, Outcome outcome, Long ticketId, String reason) {
		jdbc.sql("update ticket_mail_message set outcome = ?, ticket_id = ?, reason = ? where id = ?")
			.params(outcome.name(), ticketId, reason, id)
			.update();
	}

	/** Records a message that could not be filed; false when it is already recorded. */
	boolean fail(String messageId, String mailbox, String sender, String subject, Long partyId, String reason) {
		return jdbc.sql("""
				insert into ticket_mail_message (message_id, mailbox, sender, subject, outcome, party_id, reason)
				values (?, ?, ?, ?, 'FAILED', ?, ?) on conflict (message_id) do nothing""")
			.params(messageId, mailbox, sender, subject, partyId, reason)
			.update() == 1;
	}

	/** Records where a message that was not filed went: a folder, or {@code ""} when it was flagged in place. */
	void setAside(String messageId, String folder) {
		jdbc.sql("update ticket_mail_message set set_aside_to = ? where message_id = ?")
			.params(MailText.cleanFit(folder, 200), messageId)
			.update();
	}

	/** The ticket that the latest of these Message-IDs was filed into, for a reply that names them. */
	Optional<Long> ticketOf(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		// a long References chain names the thread's first message too: the last few are enough to find it
		List<String> ids = messageIds.stream().distinct().limit(50).toList();
		return jdbc.sql("""
				select ticket_id from ticket_mail_message
				where message_id in (%s) and ticket_id is not null order by id desc limit 1"""
			.formatted(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))))
			.params(ids.toArray())
			.query(Long.class)
			.optional();
	}

	/** Failed messages in scope, newest first, after the given id. */
	List<MailFailure> failures(DataScope scope, Long beforeId, int limit) {
		DataScope.Condition where = scope.where("party_id", "null::bigint");
		List<Object> parameters = new java.util.ArrayList<>(where.parameters());
		parameters.add(beforeId == null ? Long.MAX_VALUE : beforeId);
		parameters.add(limit);
		return jdbc.sql("""
				select id, message_id, mailbox, sender, subject, reason, set_aside_to, received_at from ticket_mail_message
				where outcome = 'FAILED' and %s and id < ? order by id desc limit ?""".formatted(where.sql()))
			.params(parameters)
			.query((rs, n) -> new MailFailure(rs.getLong("id"), rs.getString("message_id"), rs.getString("mailbox"),
					rs.getString("sender"), rs.getString("subject"), rs.getString("reason"),
					rs.getString("set_aside_to"), TicketRecords.instant(rs, "received_at")))
			.list();
	}
}
