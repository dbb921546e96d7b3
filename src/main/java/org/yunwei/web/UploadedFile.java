package org.yunwei.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrived, before any module checks it, with what every module that keeps files needs alike: the name
 * without the path a browser may send, its extension, a digest of the content, a name safe to store and to send back.
 *
 * @param filename as the browser or client named it (some send a whole path)
 * @param size the size announced
 * @param content {@code null} when the file is larger than will be accepted: it is never read into memory then
 */
public record UploadedFile(String filename, long size, byte[] content) {

	/** The longest stored name. */
	public static final int MAX_NAME = 200;

	/** {@code null} when no file was chosen; a file over {@code maxBytes} arrives without content. */
	public static UploadedFile of(MultipartFile file, long maxBytes) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
				|| file.getOriginalFilename().isBlank())) {
			return null;
		}
		try {
			return new UploadedFile(file.getOriginalFilename(), file.getSize(),
					file.getSize() > maxBytes ? null : file.getBytes());
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	/** The name without any path and without control characters; {@code null} when nothing is left. */
	public static String cleanName(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		return name.isEmpty() ? null : name;
	}

	/**
	 * A name safe to keep and to send in a download's header: the clean name with characters that mean something
	 * to a file system or a shell replaced, no leading dots, and the extension of the format the bytes are in when
	 * one is given (so that a stored {@code .pdf} is always a PDF).
	 */
	public static String storedName(String filename, String extension) {
		String clean = cleanName(filename);
		String base = clean == null ? "file" : clean;
		int dot = base.lastIndexOf('.');
		if (extension != null && dot > 0) {
			base = base.substring(0, dot);
		}
		base = base.replaceAll("[\\\\/:*?\"<>|;%$`]", "_").replaceAll("^\\.+", "").strip();
		if (base.isEmpty()) {
			base = "file";
		}
		String suffix = extension == null ? "" : "." + extension.toLowerCase(Locale.ROOT);
		if (base.length() + suffix.length() > MAX_NAME) {
			base = base.substring(0, MAX_NAME - suffix.length());
		}
		return base + suffix;
	}

	/** The extension of a name, lower case; empty when it has none. */
	public static String extension(String name) {
		int dot = name == null ? -1 : name.lastIndexOf('.');
		return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The hex SHA-256 of some bytes: the stored file's digest, its download's ETag. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** Bytes as megabytes for a message, e.g. {@code 10} or {@code 2.5}. */
	public static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
	}
}
