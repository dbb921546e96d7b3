package org.yunwei.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its bytes (content sniffing), never by its name: every module that accepts uploads (ticket
 * attachments, policy documents) asks here, so that a page renamed to {@code .pdf} or {@code .png} is refused
 * everywhere alike. The type a file is served as comes from {@link #contentType(String)} of the extension the stored
 * name carries, never from what an uploader claimed.
 */
public enum FileFormat {

	PDF("pdf"), PNG("png"), JPEG("jpg", "jpeg"), GIF("gif"),
	/** Office Open XML word-processing document (Word 2007 and later). */
	DOCX("docx"),
	/** Office Open XML workbook (Excel 2007 and later). */
	XLSX("xlsx"),
	/** Office Open XML presentation. */
	PPTX("pptx"),
	/** Any other ZIP archive. */
	ZIP("zip"),
	/**
	 * An OLE2 compound file: Word 97–2003 {@code .doc}, Excel {@code .xls} or PowerPoint {@code .ppt}, which the
	 * container alone does not tell apart.
	 */
	COMPOUND("doc", "xls", "ppt");

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };
	private static final byte[] ZIP_LOCAL = { 'P', 'K', 3, 4 };
	/** ZIP entries read at most to tell an Office document from another archive. */
	private static final int ENTRIES_READ = 64;

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

	private final String[] extensions;

	FileFormat(String... extensions) {
		this.extensions = extensions;
	}

	/** The extensions a file of this format may carry, lower case, the usual one first. */
	public java.util.List<String> extensions() {
		return java.util.List.of(extensions);
	}

	/** Whether a name's extension ({@link UploadedFile#extension}) fits this format. */
	public boolean fits(String extension) {
		return Arrays.asList(extensions).contains(extension.toLowerCase(Locale.ROOT));
	}

	/** The format the bytes are in, or empty when they are none of these (plain text, an executable, a page). */
	public static Optional<FileFormat> of(byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return Optional.of(PNG);
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(GIF);
		}
		if (startsWith(content, OLE2)) {
			return Optional.of(COMPOUND);
		}
		if (startsWith(content, ZIP_LOCAL)) {
			return Optional.of(office(content));
		}
		return Optional.empty();
	}

	/**
	 * Whether content named with this extension is what the extension says, for the formats that announce themselves
	 * (images, PDF, Office documents, ZIP): a file named {@code .pdf} must be a PDF by its bytes. Extensions of formats
	 * without a signature (text, CSV, logs) are not judged here: true.
	 */
	public static boolean matches(String extension, byte[] content) {
		String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
		Optional<FileFormat> announced = Arrays.stream(values()).filter(f -> f.fits(ext)).findFirst();
		if (announced.isEmpty()) {
			return true;
		}
		Optional<FileFormat> found = of(content);
		if (found.isEmpty()) {
			return false;
		}
		// an Office Open XML document is a ZIP archive too
		return found.get().fits(ext) || announced.get() == ZIP && found.get() != COMPOUND && found.get().zipBased();
	}

	/** The media type a file of this extension is served as; {@code application/octet-stream} when unknown. */
	public static String contentType(String extension) {
		return TYPES.getOrDefault(extension == null ? "" : extension.toLowerCase(Locale.ROOT),
				"application/octet-stream");
	}

	private boolean zipBased() {
		return this == DOCX || this == XLSX || this == PPTX || this == ZIP;
	}

	/** A ZIP archive's Office kind, from the part names its entries carry ({@code word/}, {@code xl/}, {@code ppt/}). */
	private static FileFormat office(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int read = 0;
			while ((entry = zip.getNextEntry()) != null && read++ < ENTRIES_READ) {
				String name = entry.getName();
				if (name.startsWith("word/")) {
					return DOCX;
				}
				if (name.startsWith("xl/")) {
					return XLSX;
				}
				if (name.startsWith("ppt/")) {
					return PPTX;
				}
			}
		}
		catch (IOException | IllegalArgumentException damaged) {
			// a damaged archive is still an archive by its first bytes; it is no Office document
		}
		return ZIP;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}
}
