package org.yunwei.ticket.internal.attachment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.web.FileFormat;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * What files a ticket accepts ({@code yunwei.tickets.attachment-max-bytes} and {@code attachment-types}): a name with
 * an accepted extension, content that is not empty and not too large, and for the formats that announce themselves
 * (images, PDF, Office documents, archives) content that is that format by its bytes ({@link FileFormat}, shared with
 * every module that takes files), so that a page renamed to {@code .png} is refused. The type a download is served as
 * comes from the extension, never from what the uploader claimed.
 */
@Component
public class AttachmentPolicy {

	static final int MAX_NAME = UploadedFile.MAX_NAME;

	private final TicketSettings settings;

	AttachmentPolicy(TicketSettings settings) {
		this.settings = settings;
	}

	public long maxBytes() {
		return settings.attachmentMaxBytes();
	}

	public List<String> types() {
		return settings.attachmentTypes();
	}

	/** The file's name without any path the browser sent, and without control characters. */
	static String cleanName(String filename) {
		return UploadedFile.cleanName(filename);
	}

	static String extension(String name) {
		return UploadedFile.extension(name);
	}

	String contentType(String name) {
		return FileFormat.contentType(extension(name));
	}

	/** Why the file is refused (400 or 413, the message on the field {@code file}), or empty when it is accepted. */
	public Optional<RejectedRequest> refusal(AttachmentUpload upload) {
		String name = upload == null ? null : cleanName(upload.filename());
		if (upload == null || name == null) {
			return Optional.of(field(HttpStatus.BAD_REQUEST, "validation", "problem.validation", "field.required"));
		}
		if (name.length() > MAX_NAME) {
			return Optional.of(field(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
					"attachment.name.too-long"));
		}
		String extension = extension(name);
		if (!types().contains(extension)) {
			return Optional.of(new RejectedRequest(HttpStatus.BAD_REQUEST, "attachment-type", "attachment.type.refused",
					new Object[] { extension.isEmpty() ? "?" : extension, String.join(", ", types()) },
					Map.of("file", "attachment.type.invalid")));
		}
		if (upload.size() > maxBytes() || upload.content() == null || upload.content().length > maxBytes()) {
			return Optional.of(new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
					"attachment.too-large", new Object[] { megabytes(maxBytes()) },
					Map.of("file", "attachment.too-large.field")));
		}
		if (upload.content().length == 0) {
			return Optional.of(field(HttpStatus.BAD_REQUEST, "validation", "problem.validation", "attachment.empty"));
		}
		if (!FileFormat.matches(extension, upload.content())) {
			return Optional.of(new RejectedRequest(HttpStatus.BAD_REQUEST, "attachment-type", "attachment.type.mismatch",
					new Object[] { extension }, Map.of("file", "attachment.type.mismatch.field")));
		}
		return Optional.empty();
	}

	void check(AttachmentUpload upload) {
		Optional<RejectedRequest> refusal = refusal(upload);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
	}

	public static String megabytes(long bytes) {
		return UploadedFile.megabytes(bytes);
	}

	private static RejectedRequest field(HttpStatus status, String type, String key, String fieldKey) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("file", fieldKey);
		return new RejectedRequest(status, type, key, null, fields);
	}
}
