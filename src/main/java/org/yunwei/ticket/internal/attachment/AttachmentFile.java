package org.yunwei.ticket.internal.attachment;

/** An attachment with its content, for a download. */
record AttachmentFile(AttachmentView attachment, byte[] content) {
}
