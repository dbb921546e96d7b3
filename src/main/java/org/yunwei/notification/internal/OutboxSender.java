package org.yunwei.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.notification.NoticeMailed;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunwei.notification.internal.Outbox.Item;
import org.yunwei.notification.internal.RobotWebhook.RobotRefusal;
import org.yunwei.notification.internal.Robots.Robot;

/**
 * Sends the outbox every few seconds ({@code yunwei.notification.send-interval}, once per cluster through ShedLock):
 * claims due rows in small batches, sends each, and records the outcome. A failed try is repeated with a growing
 * wait ({@link Backoff}) and given up after the last; e-mail waits ({@code HELD}) while no mail server is
 * configured and goes out once one is. Claims are leases, so a row whose sender died is tried again later: a message
 * is sent at least once, and twice only when a sender dies between sending and recording it. An e-mail recorded as
 * sent publishes {@link NoticeMailed} with its Message-ID in the same transaction.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	static final int BATCH = 20;

	private final Outbox outbox;
	private final Robots robots;
	private final MailGateway mail;
	private final RobotWebhook webhook;
	private final Links links;
	private final Backoff backoff;
	private final Duration lease;

	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	OutboxSender(Outbox outbox, Robots robots, MailGateway mail, RobotWebhook webhook, Links links,
			NotificationSettings settings, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.outbox = outbox;
		this.robots = robots;
		this.mail = mail;
		this.webhook = webhook;
		this.links = links;
		this.backoff = settings.backoff();
		// long enough for a whole batch to time out one by one
		this.lease = settings.timeout().multipliedBy(2L * BATCH).plusMinutes(1);
	}

	@Scheduled(fixedDelayString = "${yunwei.notification.send-interval:PT10S}",
			initialDelayString = "${yunwei.notification.send-interval:PT10S}")
	@SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT15M")
	void onSchedule() {
		sendDue();
	}

	/**
	 * Sends everything that is due until nothing due is left unclaimed.
	 *
	 * @return how many were sent
	 */
	int sendDue() {
		boolean mailConfigured = mail.configured();
		if (mailConfigured) {
			outbox.releaseEmail();
		}
		else {
			outbox.holdEmail();
		}
		int sent = 0;
		while (true) {
			List<Item> batch = outbox.claimDue(BATCH, mailConfigured, lease);
			for (Item item : batch) {
				sent += attempt(item) ? 1 : 0;
			}
			if (batch.size() < BATCH) {
				return sent;
			}
		}
	}

	private boolean attempt(Item item) {
		try {
			switch (item.channel()) {
				case EMAIL -> {
					String messageId = mail.send(item.recipient(), item.subject(), emailText(item));
					transactions.executeWithoutResult(status -> {
						outbox.sent(item.id());
						events.publishEvent(new NoticeMailed(messageId, item.topic(), item.link(), item.recipient()));
					});
				}
				case ROBOT -> {
					sendToRobot(item);
					outbox.sent(item.id());
				}
			}
			return true;
		}
		catch (RobotRefusal | MailException | IllegalStateException failure) {
			fail(item, failure.getMessage());
			return false;
		}
		catch (RuntimeException unexpected) {
			log.warn("Outbox entry {} ({}) could not be sent", item.id(), item.channel(), unexpected);
			fail(item, unexpected.getClass().getSimpleName());
			return false;
		}
	}

	private void sendToRobot(Item item) throws RobotRefusal {
		Robot robot = robots.find(item.robotId()).orElseThrow(() -> new RobotRefusal("robot removed"));
		if (!robot.enabled()) {
			throw new RobotRefusal("robot disabled");
		}
		String rest = emailText(item);
		webhook.send(robot, rest.isEmpty() ? item.subject() : item.subject() + "\n\n" + rest);
	}

	private void fail(Item item, String reason) {
		String error = reason == null || reason.isBlank() ? "failed" : reason.length() > 1000
				? reason.substring(0, 1000) + "…" : reason;
		Optional<Duration> retry = backoff.after(item.attempts());
		outbox.failed(item.id(), error, retry.orElse(null));
		log.info("Outbox entry {} ({}, try {}) failed{}: {}", item.id(), item.channel(), item.attempts(),
				retry.map(wait -> ", next try in " + wait).orElse(", given up"), error);
	}

	/** The body of the e-mail: the notice's text and then its link made absolute. */
	private String emailText(Item item) {
		StringBuilder text = new StringBuilder(item.body().strip());
		String link = links.absolute(item.link());
		if (link != null) {
			text.append(text.isEmpty() ? "" : "\n\n").append(link);
		}
		return text.toString();
	}
}
