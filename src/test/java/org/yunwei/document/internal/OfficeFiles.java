package org.yunwei.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of the accepted formats, made up for the tests. */
final class OfficeFiles {

	private OfficeFiles() {
	}

	static byte[] pdf(String text) {
		return ("%PDF-1.4\n1 0 obj <<>> endobj\n% " + text + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
	}

	/** A ZIP archive with the part that makes it a Word ({@code word/document.xml}) or Excel file. */
	static byte[] office(String part) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry(part));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toByteArray();
	}
}
