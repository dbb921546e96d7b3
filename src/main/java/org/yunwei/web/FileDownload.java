package org.yunwei.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored file leaves the server, for every module's API and pages alike: always as a download (never rendered
 * in the application's origin), with the type its stored name's extension gives, no sniffing by the browser, and not
 * kept in shared caches.
 */
public final class FileDownload {

	private FileDownload() {
	}

	public static ResponseEntity<byte[]> of(String filename, String contentType, String sha256, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(content.length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(content);
	}
}
