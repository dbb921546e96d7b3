package org.yunwei.document.internal;

import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yunwei.web.FileFormat;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * What files a document version accepts: PDF, Word ({@code .docx}, {@code .doc}) and Excel ({@code .xlsx},
 * {@code .xls}) up to {@code yunwei.documents.max-bytes}, judged by their bytes ({@link FileFormat}): a file whose
 * bytes are none of these, or another format than its name says (a page named {@code .pdf}), is refused with 422 and
 * nothing is kept. The stored name carries the extension of the format the bytes are in.
 */
@Component
class DocumentFilePolicy {

	private static final Set<FileFormat> ACCEPTED = Set.of(FileFormat.PDF, FileFormat.DOCX, FileFormat.XLSX,
			FileFormat.COMPOUND);
	private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "doc", "xlsx", "xls");

	private final long maxBytes;

	DocumentFilePolicy(@Value("${yunwei.documents.max-bytes:10485760}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return maxBytes;
	}

	String maxMegabytes() {
		return UploadedFile.megabytes(maxBytes);
	}

	/** The file as it is to be kept, or a 400/422 naming the field {@code file}. */
	VersionContent check(UploadedFile upload) {
		String name = upload == null ? null : UploadedFile.cleanName(upload.filename());
		if (name == null) {
			throw RejectedRequest.invalidField("file", "field.required");
		}
		if (upload.content() == null || upload.size() > maxBytes || upload.content().length > maxBytes) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "document-too-large", "document.file.too-large",
					new Object[] { maxMegabytes() }, Map.of("file", "document.file.too-large.field"));
		}
		if (upload.content().length == 0) {
			throw RejectedRequest.invalidField("file", "document.file.empty");
		}
		String extension = UploadedFile.extension(name);
		FileFormat format = FileFormat.of(upload.content()).filter(ACCEPTED::contains).orElse(null);
		if (!EXTENSIONS.contains(extension)) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "document-type", "document.file.type",
					null, Map.of("file", "document.file.type.field"));
		}
		if (format == null || !format.fits(extension)) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "document-type-mismatch",
					"document.file.mismatch", new Object[] { extension }, Map.of("file", "document.file.mismatch.field"));
		}
		return VersionContent.file(UploadedFile.storedName(name, extension), FileFormat.contentType(extension),
				upload.content());
	}
}
