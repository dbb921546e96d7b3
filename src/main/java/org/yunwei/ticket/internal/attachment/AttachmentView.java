package org.yunwei.ticket.internal.attachment;

import java.time.Instant;

/**
 * A file attached to a ticket, without its content.
 *
 * @param sha256 the hex SHA-256 of the content, so that a download can be checked against what was uploaded
 * @param uploadedBy the name of the person who uploaded it
 * @param internal seen by the provider's side only, never by the customer (内部附件)
 */
public record AttachmentView(long id, long ticketId, String filename, String contentType, long sizeBytes,
		String sha256, String uploadedBy, Instant createdAt, boolean internal) {
}
