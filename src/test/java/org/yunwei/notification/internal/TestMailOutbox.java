package org.yunwei.notification.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox's e-mail, for the tests of another module that need what the notification module sends (the ticket
 * module's acknowledgements): sends through an in-process SMTP server instead of none, and sends what is due now.
 */
public final class TestMailOutbox {

	private final MailGateway gateway;
	private final OutboxSender sender;

	public TestMailOutbox(ApplicationContext context) {
		this.gateway = context.getBean(MailGateway.class);
		this.sender = context.getBean(OutboxSender.class);
	}

	public void sendThrough(int smtpPort) {
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(smtpPort);
		smtp.setDefaultEncoding("UTF-8");
		gateway.use(smtp);
	}

	/** Sends the e-mail that is due; answers how many this call sent (the scheduled sender may send some too). */
	public int sendDue() {
		return sender.sendDue();
	}

	public void noServer() {
		gateway.use(null);
	}
}
