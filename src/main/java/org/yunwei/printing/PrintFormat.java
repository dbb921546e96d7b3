package org.yunwei.printing;

import org.springframework.http.MediaType;

/** The document formats a report prints to, with their media type and file extension. */
public enum PrintFormat {
	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

	private final String mediaType;
	private final String extension;

	PrintFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public MediaType mediaType() {
		return MediaType.parseMediaType(mediaType);
	}

	public String extension() {
		return extension;
	}

	/** The format named by a file extension ({@code pdf}, {@code docx}, any case), or {@code null}. */
	public static PrintFormat byExtension(String extension) {
		for (PrintFormat format : values()) {
			if (format.extension.equalsIgnoreCase(extension)) {
				return format;
			}
		}
		return null;
	}
}
