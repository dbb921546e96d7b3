package org.yunwei.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notification e-mail through the mail server that {@code spring.mail.*} configures (Spring Boot provides the
 * sender only when {@code spring.mail.host} is set). The sender is looked up at each send, so that the outbox holds
 * e-mail while there is none; tests put an in-process SMTP server in its place with {@link #use}.
 */
@Component
class MailGateway {

	private final ObjectProvider<JavaMailSender> configured;
	private final String from;
	private volatile JavaMailSender replacement;

	MailGateway(ObjectProvider<JavaMailSender> configured, NotificationSettings settings,
			@Value("${spring.mail.username:}") String mailUsername) {
		this.configured = configured;
		this.from = !settings.mailFrom().isBlank() ? settings.mailFrom().strip()
				: mailUsername.contains("@") ? mailUsername.strip() : "yunwei@localhost";
	}

	/** Whether e-mail can be sent: a mail server is configured. */
	boolean configured() {
		return sender().isPresent();
	}

	/**
	 * Sends a plain-text e-mail, marked as automatically generated so that out-of-office replies and other
	 * automatic mailboxes (another service desk's intake) do not answer it.
	 *
	 * @return the Message-ID it went out with, chosen here so that answers to it can be recognised
	 * @throws org.springframework.mail.MailException when the server refuses it or cannot be reached
	 */
	String send(String to, String subject, String text) {
		JavaMailSender sender = sender().orElseThrow(() -> new IllegalStateException("No mail server is configured"));
		MimeMessage message = sender.createMimeMessage();
		String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		String messageId = "<" + java.util.UUID.randomUUID() + ".notice@" + (domain.isEmpty() ? "yunwei" : domain) + ">";
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			message.setHeader("Auto-Submitted", "auto-generated");
			// Exchange and Outlook send no automatic replies to a message that asks for none
			message.setHeader("X-Auto-Response-Suppress", "All");
			// JavaMailSenderImpl keeps a Message-ID set before sending
			message.setHeader("Message-ID", messageId);
		}
		catch (MessagingException unpreparable) {
			throw new MailPreparationException("Could not prepare the e-mail", unpreparable);
		}
		sender.send(message);
		return messageId;
	}

	/** The sender's address, whose domain names the Message-IDs. */
	String from() {
		return from;
	}

	/** Sends through this sender instead of the configured one; {@code null} returns to the configured one. */
	void use(JavaMailSender sender) {
		this.replacement = sender;
	}

	private Optional<JavaMailSender> sender() {
		JavaMailSender chosen = replacement;
		return chosen != null ? Optional.of(chosen) : Optional.ofNullable(configured.getIfAvailable());
	}
}
