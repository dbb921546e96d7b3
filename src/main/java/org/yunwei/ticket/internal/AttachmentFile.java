package org.yunwei.ticket.internal;

/** An attachment with its content, for a download. */
record AttachmentFile(AttachmentView attachment, byte[] content) {
}
