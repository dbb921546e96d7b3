package org.yunwei.ticket.internal.attachment;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an attachment leaves the server, for the API and the pages alike: always as a download (never rendered in the
 * application's origin), with the type taken from its extension, no sniffing, and not kept in shared caches.
 */
public final class AttachmentDownload {

	private AttachmentDownload() {
	}

	public static ResponseEntity<byte[]> of(AttachmentFile file) {
		AttachmentView a = file.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(file.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.ETAG, "\"" + a.sha256() + "\"")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(file.content());
	}
}
