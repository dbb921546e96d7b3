package org.yunwei.ticket.internal.mail;

import java.util.List;

/**
 * An e-mail as the intake reads it, its text fit for the database (no control characters).
 *
 * @param messageId the key it is recorded by ({@link MailReader#key})
 * @param references the Message-IDs it answers, newest first (In-Reply-To, then References from the end)
 * @param fromName the sender's display name, or {@code null}
 * @param text the body as text (the plain part, else the HTML part without markup), quotes still in it
 * @param automatic whether a program sent it by itself (a bounce, an out-of-office reply): such a message files
 *        nothing and is answered by nothing
 * @param bulk whether it went to many at once (a mailing list): filed, but not acknowledged
 * @param remarks message keys of what the agents should know about how it was read (a missing MIME boundary)
 */
record MailInbound(String messageId, List<String> references, String fromAddress, String fromName, String subject,
		String text, List<MailAttachment> attachments, MailAutomatic automatic, boolean bulk, List<String> remarks) {

	/** How the sender is named where a person reads it: "张三 &lt;zhang@example.cn&gt;" or the bare address. */
	String sender() {
		return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
	}

	boolean byProgram() {
		return automatic != MailAutomatic.NONE;
	}
}
