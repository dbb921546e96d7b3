package org.yunwei.notification.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.notification.Notice;
import org.yunwei.web.FieldErrors;

/**
 * Writes what a notice becomes: an in-app notification for each enabled recipient, an e-mail for each of their
 * addresses and each extra address, a message for each enabled robot that hears of the topic and party. One
 * statement writes them all, however many recipients, as it runs in the transaction of the change (creations hold
 * the ticket number's counter meanwhile). Every row is unique per notice key and recipient, so writing the same
 * notice twice under one key writes nothing the second time.
 */
@Component
class NoticeFanOut {

	private static final Logger log = LoggerFactory.getLogger(NoticeFanOut.class);

	/** The robots' topics: exact ({@code ticket.assigned}), a prefix ending in a dot ({@code ticket.}), or {@code *}. */
	private static final String WRITE = """
			with in_app as (
			    insert into notification (user_id, notice_key, topic, subject, body, link)
			    select u, :key, :topic, :subject, :body, :link from unnest(cast(:users as bigint[])) as u
			    on conflict on constraint notification_once do nothing
			    returning 1),
			email as (
			    insert into notification_outbox (notice_key, channel, recipient, party_id, topic, subject, body, link)
			    select :key, 'EMAIL', a, :party, :topic, :subject, :body, :link from unnest(cast(:addresses as text[])) as a
			    on conflict on constraint notification_outbox_once do nothing
			    returning 1),
			robot as (
			    insert into notification_outbox (notice_key, channel, recipient, robot_id, party_id, topic, subject,
			                                     body, link)
			    select :key, 'ROBOT', cast(r.id as text), r.id, :party, :topic, :subject, :body, :link
			    from notification_robot r
			    where r.enabled and (r.party_id is null or r.party_id = :party)
			      and exists (select 1 from unnest(r.topics) t
			                  where t = '*' or t = :topic or (right(t, 1) = '.' and starts_with(:topic, t)))
			    on conflict on constraint notification_outbox_once do nothing
			    returning 1)
			select (select count(*) from in_app), (select count(*) from email), (select count(*) from robot)""";

	private final People people;
	private final JdbcClient jdbc;

	NoticeFanOut(People people, JdbcClient jdbc) {
		this.people = people;
		this.jdbc = jdbc;
	}

	@Transactional
	Written write(UUID noticeKey, Notice notice) {
		List<Person> recipients = people.findAll(notice.recipientUserIds()).stream().filter(Person::enabled).toList();
		Set<String> addresses = new LinkedHashSet<>();
		recipients.stream().map(Person::email).forEach(address -> addAddress(addresses, address));
		int unusable = 0;
		for (String address : notice.extraAddresses()) {
			unusable += addAddress(addresses, address) ? 0 : 1;
		}
		if (unusable > 0) {
			log.warn("Notice {} names {} extra address(es) that are not e-mail addresses; they are left out",
					notice.topic(), unusable);
		}
		return jdbc.sql(WRITE)
			.param("key", noticeKey)
			.param("topic", notice.topic())
			.param("subject", notice.subject())
			.param("body", notice.body())
			.param("link", notice.link())
			.param("party", notice.partyId())
			.param("users", new SqlArrayValue("bigint", recipients.stream().map(Person::id).toArray()))
			.param("addresses", new SqlArrayValue("text", addresses.toArray()))
			.query((rs, n) -> new Written(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	private static boolean addAddress(Set<String> addresses, String address) {
		String cleaned = FieldErrors.clean(address);
		if (cleaned == null || !FieldErrors.EMAIL.matcher(cleaned).matches() || cleaned.length() > 254) {
			return false;
		}
		addresses.add(cleaned.toLowerCase(Locale.ROOT));
		return true;
	}

	/** How many rows of each kind were written (0 for those that already were). */
	record Written(int notifications, int emails, int robotMessages) {
	}
}
