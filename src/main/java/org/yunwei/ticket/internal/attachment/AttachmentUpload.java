package org.yunwei.ticket.internal.attachment;

import org.springframework.web.multipart.MultipartFile;
import org.yunwei.web.UploadedFile;

/**
 * A file as it arrived, before it is checked.
 *
 * @param filename as the browser or client named it (some send a whole path)
 * @param content {@code null} when the file is larger than will be accepted: it is never read into memory then
 */
public record AttachmentUpload(String filename, long size, byte[] content) {

	/** {@code null} when no file was chosen. */
	public static AttachmentUpload of(MultipartFile file, long maxBytes) {
		UploadedFile uploaded = UploadedFile.of(file, maxBytes);
		return uploaded == null ? null : new AttachmentUpload(uploaded.filename(), uploaded.size(), uploaded.content());
	}
}
