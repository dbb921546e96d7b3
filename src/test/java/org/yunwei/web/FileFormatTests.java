package org.yunwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class FileFormatTests {

	static byte[] zip(String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	@Test
	void tellsTheFormatByTheBytesNotTheName() throws IOException {
		assertThat(FileFormat.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileFormat.PDF);
		assertThat(FileFormat.of(zip("word/document.xml"))).contains(FileFormat.DOCX);
		assertThat(FileFormat.of(zip("xl/workbook.xml"))).contains(FileFormat.XLSX);
		assertThat(FileFormat.of(zip("notes.txt"))).contains(FileFormat.ZIP);
		assertThat(FileFormat.of(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
				0x1A, (byte) 0xE1, 0 })).contains(FileFormat.COMPOUND);
		assertThat(FileFormat.of("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileFormat.of(new byte[] { 'M', 'Z', 0 })).isEmpty();
	}

	@Test
	void aNameMatchesOnlyContentOfItsFormat() throws IOException {
		assertThat(FileFormat.matches("pdf", "<html>".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(FileFormat.matches("PDF", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(FileFormat.matches("docx", zip("xl/workbook.xml"))).isFalse();
		assertThat(FileFormat.matches("zip", zip("word/document.xml"))).isTrue();
		// text has no signature: not judged here
		assertThat(FileFormat.matches("txt", "anything".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(FileFormat.contentType("xlsx")).isEqualTo(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void aStoredNameHasNoPathNoShellCharactersAndTheExtensionOfItsFormat() {
		assertThat(UploadedFile.storedName("C:\\tmp\\..\\制度 v2;rm -rf.PDF", "pdf")).isEqualTo("制度 v2_rm -rf.pdf");
		assertThat(UploadedFile.storedName("../../.hidden.docx", "docx")).isEqualTo("hidden.docx");
		assertThat(UploadedFile.storedName("\u0000", null)).isEqualTo("file");
		assertThat(UploadedFile.storedName("x".repeat(300) + ".pdf", "pdf")).hasSize(UploadedFile.MAX_NAME)
			.endsWith(".pdf");
	}
}
