package org.yunwei.ticket.internal.mail;

import jakarta.mail.MessagingException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the configured mailbox every {@code yunwei.mail.intake.poll-interval} once per cluster, only when
 * {@code yunwei.mail.intake.enabled} is true. A poll that fails is logged (never with the password) and the next one
 * tries again: nothing is lost, because only a filed message is marked as read, and a message that cannot be filed
 * is set aside rather than failing the poll, so only the mailbox or the database being away can fail it.
 */
@Component
@ConditionalOnBooleanProperty("yunwei.mail.intake.enabled")
class MailPoller {

	private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

	private final MailIntake intake;
	private final MailboxSettings settings;

	MailPoller(MailIntake intake, MailboxSettings settings) {
		this.intake = intake;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${yunwei.mail.intake.poll-interval:PT1M}",
			initialDelayString = "${yunwei.mail.intake.initial-delay:PT30S}")
	@SchedulerLock(name = "ticket-mail-intake", lockAtMostFor = "PT15M")
	void onSchedule() {
		try {
			intake.poll(settings);
		}
		catch (MessagingException | RuntimeException failed) {
			// the mailbox or the database is away: the unread mail waits for the next poll
			log.error("Mail intake {} failed: {}", settings, failed.toString());
		}
	}
}
