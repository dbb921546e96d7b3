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
	 * Sends a plain-text e-mail, marked as automatically generated so that out-of-office replies stay away.
	 *
	 * @throws org.springframework.mail.MailException when the server refuses it or cannot be reached
	 */
	void send(String to, String subject, String text) {
		JavaMailSender sender = sender().orElseThrow(() -> new IllegalStateException("No mail server is configured"));
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException unpreparable) {
			throw new MailPreparationException("Could not prepare the e-mail", unpreparable);
		}
		sender.send(message);
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
