package org.yunwei.ticket.internal.attachment;

import org.springframework.http.ResponseEntity;
import org.yunwei.web.FileDownload;

/**
 * How an attachment leaves the server, for the API and the pages alike: always as a download (never rendered in the
 * application's origin), with the type taken from its extension, no sniffing, and not kept in shared caches
 * ({@link FileDownload}, shared with every module that hands out files).
 */
public final class AttachmentDownload {

	private AttachmentDownload() {
	}

	public static ResponseEntity<byte[]> of(AttachmentFile file) {
		AttachmentView a = file.attachment();
		return FileDownload.of(a.filename(), a.contentType(), a.sha256(), file.content());
	}
}
