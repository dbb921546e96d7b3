package org.yunwei.ticket.internal.mail;

/** An e-mail the intake cannot read (no sender, an unknown character set): it is recorded as failed, with why. */
class MailUnreadable extends Exception {

	private final String messageKey;
	private final transient Object[] arguments;

	MailUnreadable(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments;
	}
}
