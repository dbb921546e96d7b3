package org.yunwei.ticket.internal.mail;

/**
 * A file attached to an incoming e-mail.
 *
 * @param content {@code null} when the file is larger than the intake keeps (it was not read further)
 * @param size its size in bytes, at least the limit plus one when it was not read to the end
 */
record MailAttachment(String filename, String contentType, byte[] content, long size) {

	boolean tooLarge() {
		return content == null;
	}
}
