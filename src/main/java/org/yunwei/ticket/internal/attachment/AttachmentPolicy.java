package org.yunwei.ticket.internal.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.web.RejectedRequest;

/**
 * What files a ticket accepts ({@code yunwei.tickets.attachment-max-bytes} and {@code attachment-types}): a name with
 * an accepted extension, content that is not empty and not too large, and for the formats that announce themselves
 * (images, PDF) content that starts as that format does, so that a page renamed to {@code .png} is refused. The type
 * a download is served as comes from the extension, never from what the uploader claimed.
 */
@Component
public class AttachmentPolicy {

	static final int MAX_NAME = 200;

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"),
			Map.entry("csv", "text/csv"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("zip", "application/zip"), Map.entry("7z", "application/x-7z-compressed"),
			Map.entry("rar", "application/vnd.rar"), Map.entry("ofd", "application/ofd"));

	private static final Map<String, List<byte[]>> SIGNATURES = Map.of(
			"png", List.of(new byte[] { (byte) 0x89, 'P', 'N', 'G' }),
			"jpg", List.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
			"jpeg", List.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
			"gif", List.of("GIF8".getBytes(StandardCharsets.US_ASCII)),
			"pdf", List.of("%PDF".getBytes(StandardCharsets.US_ASCII)));

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
		if (filename == null) {
			return null;
		}
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		return name.isEmpty() ? null : name;
	}

	static String extension(String name) {
		int dot = name == null ? -1 : name.lastIndexOf('.');
		return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	String contentType(String name) {
		return TYPES.getOrDefault(extension(name), "application/octet-stream");
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
		List<byte[]> signatures = SIGNATURES.get(extension);
		if (signatures != null && signatures.stream().noneMatch(s -> startsWith(upload.content(), s))) {
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
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static RejectedRequest field(HttpStatus status, String type, String key, String fieldKey) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("file", fieldKey);
		return new RejectedRequest(status, type, key, null, fields);
	}
}
