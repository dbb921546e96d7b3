package org.yunwei.ticket.internal.mail;

import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The e-mail intake's settings, checked at start-up when it is enabled, so that a deployment that cannot work says
 * so at once and in words rather than at the first poll or, worse, never: the service desk's own address
 * ({@code YUNWEI_MAIL_FROM}) must be set, because it is the {@code From} of every notification and
 * acknowledgement, and a customer's answer goes to it — left at a default, answers miss the intake mailbox; and a
 * trusted CA file must be readable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailboxSettings.class)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	MailConfiguration(MailboxSettings mailbox, @Value("${yunwei.notification.mail-from:}") String mailFrom) {
		check(mailbox, mailFrom);
	}

	/**
	 * Refuses to start an enabled intake that lacks what it needs.
	 *
	 * @throws IllegalStateException naming the setting and what to do
	 */
	static void check(MailboxSettings mailbox, String mailFrom) {
		if (!mailbox.enabled()) {
			return;
		}
		if (mailFrom == null || mailFrom.isBlank()) {
			throw new IllegalStateException("The e-mail intake is enabled (YUNWEI_MAIL_INTAKE_ENABLED=true) but "
					+ "YUNWEI_MAIL_FROM (yunwei.notification.mail-from) is not set. Set it to the address of the intake "
					+ "mailbox, e.g. YUNWEI_MAIL_FROM=servicedesk@example.gov.cn: it is the sender of the service "
					+ "desk's mail, and customers' answers go to it.");
		}
		String from = mailFrom.strip().replaceAll(".*<([^>]*)>.*", "$1").toLowerCase(Locale.ROOT);
		if (!from.contains("@")) {
			throw new IllegalStateException("YUNWEI_MAIL_FROM (yunwei.notification.mail-from) is not an e-mail "
					+ "address: " + mailFrom);
		}
		if (mailbox.username() != null && mailbox.username().contains("@")
				&& !from.equalsIgnoreCase(mailbox.username().strip())) {
			log.warn("YUNWEI_MAIL_FROM {} is not the intake mailbox {}: customers' answers reach the intake only "
					+ "when the mail server delivers that address to the mailbox", from, mailbox.username());
		}
		if (mailbox.trustedCa() != null) {
			MailboxConnection.socketFactory(Path.of(mailbox.trustedCa()));
		}
	}
}
