package org.yunwei.notification.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.notification.Notice;
import org.yunwei.web.FieldErrors;

/**
 * Writes what a notice becomes, in one transaction: an in-app notification for each enabled recipient, an e-mail
 * for each of their addresses and each extra address, a message for each robot that hears of the topic and party.
 * Every row is unique per notice key and recipient, so writing the same notice twice writes nothing the second time.
 */
@Component
class NoticeFanOut {

	private static final Logger log = LoggerFactory.getLogger(NoticeFanOut.class);

	private final People people;
	private final Notifications notifications;
	private final Outbox outbox;
	private final Robots robots;

	NoticeFanOut(People people, Notifications notifications, Outbox outbox, Robots robots) {
		this.people = people;
		this.notifications = notifications;
		this.outbox = outbox;
		this.robots = robots;
	}

	@Transactional
	Written write(UUID noticeKey, Notice notice) {
		List<Person> recipients = people.findAll(notice.recipientUserIds()).stream().filter(Person::enabled).toList();
		int inApp = notifications.insert(noticeKey, notice, recipients.stream().map(Person::id).toList());

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
		int emails = outbox.enqueueEmail(noticeKey, notice, addresses);
		int robotMessages = outbox.enqueueRobots(noticeKey, notice, robots.matching(notice.topic(), notice.partyId()));
		return new Written(inApp, emails, robotMessages);
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
