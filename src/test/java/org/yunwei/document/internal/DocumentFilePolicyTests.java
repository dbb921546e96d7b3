package org.yunwei.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

class DocumentFilePolicyTests {

	private final DocumentFilePolicy policy = new DocumentFilePolicy(64);

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void keepsAPdfUnderTheNameOfItsFormatWithItsDigest() {
		VersionContent kept = policy.check(new UploadedFile("/tmp/服务台管理制度.PDF", 33, pdf()));
		assertThat(kept.filename()).isEqualTo("服务台管理制度.pdf");
		assertThat(kept.contentType()).isEqualTo("application/pdf");
		assertThat(kept.sha256()).isEqualTo(UploadedFile.sha256(pdf()));
	}

	@Test
	void acceptsWordAndExcelByTheirParts() {
		byte[] docx = OfficeFiles.office("word/document.xml");
		byte[] xlsx = OfficeFiles.office("xl/workbook.xml");
		DocumentFilePolicy roomy = new DocumentFilePolicy(10_000);
		assertThat(roomy.check(new UploadedFile("a.docx", docx.length, docx)).kind()).isEqualTo("FILE");
		assertThat(roomy.check(new UploadedFile("a.xlsx", xlsx.length, xlsx)).contentType()).contains("spreadsheet");
		RejectedRequest swapped = catchThrowableOfType(RejectedRequest.class,
				() -> roomy.check(new UploadedFile("a.docx", xlsx.length, xlsx)));
		assertThat(swapped.type()).isEqualTo("document-type-mismatch");
	}

	@Test
	void refusesAPdfWhoseBytesAreNotAPdfAForbiddenTypeAnOversizedAndAnEmptyFile() {
		RejectedRequest fake = catchThrowableOfType(RejectedRequest.class, () -> policy
			.check(new UploadedFile("制度.pdf", 20, "<html><script>x</script>".getBytes(StandardCharsets.US_ASCII))));
		assertThat(fake.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fake.type()).isEqualTo("document-type-mismatch");
		assertThat(fake.fieldErrors()).containsKey("file");

		RejectedRequest exe = catchThrowableOfType(RejectedRequest.class,
				() -> policy.check(new UploadedFile("setup.exe", 3, new byte[] { 'M', 'Z', 0 })));
		assertThat(exe.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(exe.type()).isEqualTo("document-type");

		RejectedRequest big = catchThrowableOfType(RejectedRequest.class,
				() -> policy.check(new UploadedFile("big.pdf", 65, null)));
		assertThat(big.type()).isEqualTo("document-too-large");

		RejectedRequest empty = catchThrowableOfType(RejectedRequest.class,
				() -> policy.check(new UploadedFile("empty.pdf", 0, new byte[0])));
		assertThat(empty.status()).isEqualTo(HttpStatus.BAD_REQUEST);
	}
}
