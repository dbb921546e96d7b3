package org.yunwei.printing;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A printed report: its bytes, format and file name (Chinese allowed: the download names it in RFC 5987 form).
 *
 * @param fileName the name without extension, e.g. {@code 故障报告-EMG-20261207-0001}
 */
public record PrintedDocument(byte[] content, PrintFormat format, String fileName) {

	/** The download answer: the bytes as an attachment of the format's media type. */
	public ResponseEntity<byte[]> download() {
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(fileName + "." + format.extension(), StandardCharsets.UTF_8).build().toString())
			.body(content);
	}
}
