package org.yunwei.ticket.internal.mail;

import java.util.List;

/**
 * An e-mail as the intake reads it.
 *
 * @param references the Message-IDs it answers, newest first (In-Reply-To, then References from the end)
 * @param fromName the sender's display name, or {@code null}
 * @param text the body as text (the plain part, else the HTML part without markup), quotes still in it
 * @param automatic whether a program sent it by itself (an out-of-office reply): such a message files nothing
 */
record MailInbound(String messageId, List<String> references, String fromAddress, String fromName, String subject,
		String text, List<MailAttachment> attachments, boolean automatic) {

	/** How the sender is named where a person reads it: "张三 &lt;zhang@example.cn&gt;" or the bare address. */
	String sender() {
		return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
	}
}
