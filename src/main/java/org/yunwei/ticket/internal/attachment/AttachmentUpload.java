package org.yunwei.ticket.internal.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrived, before it is checked.
 *
 * @param filename as the browser or client named it (some send a whole path)
 * @param content {@code null} when the file is larger than will be accepted: it is never read into memory then
 */
public record AttachmentUpload(String filename, long size, byte[] content) {

	/** {@code null} when no file was chosen. */
	public static AttachmentUpload of(MultipartFile file, long maxBytes) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
				|| file.getOriginalFilename().isBlank())) {
			return null;
		}
		try {
			return new AttachmentUpload(file.getOriginalFilename(), file.getSize(),
					file.getSize() > maxBytes ? null : file.getBytes());
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}
}
