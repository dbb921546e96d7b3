package org.yunwei.document.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.approval.ApprovalState;
import org.yunwei.document.DocumentToRead;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.FileDownload;
import org.yunwei.web.UploadedFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "The policy and document library (制度与文档库). Everyone signed in reads the "
		+ "documents that apply to them (kept by their party, or applying to their party or unit; management and "
		+ "supervision read all); DOCUMENT_MANAGE keeps documents (management every party's, a provider its own). A "
		+ "new version is a draft until it is submitted and the approval policy of its category grants it; it then "
		+ "becomes current and the older one stays readable. Files are PDF, Word or Excel, judged by their bytes.")
class DocumentApiController {

	private final DocumentLibrary library;
	private final DocumentPublication publication;
	private final Acknowledgements acknowledgements;
	private final DocumentAccess access;
	private final DocumentFilePolicy files;

	DocumentApiController(DocumentLibrary library, DocumentPublication publication, Acknowledgements acknowledgements,
			DocumentAccess access, DocumentFilePolicy files) {
		this.library = library;
		this.publication = publication;
		this.acknowledgements = acknowledgements;
		this.access = access;
		this.files = files;
	}

	@GetMapping
	@Operation(summary = "The documents the caller reads, one keyset page at a time",
			description = "The answer's `next` is the cursor of the following page (null on the last); pass it back "
					+ "with the same filters and sort. 400 naming the field for a bad state, sort, cursor or size, or "
					+ "an unknown category.")
	KeysetPage<DocumentLibrary.DocumentView> list(@RequestParam(required = false) Long categoryId,
			@Parameter(description = "text within the title") @RequestParam(required = false) String q,
			@Parameter(description = "CURRENT, UNPUBLISHED or REVIEW_DUE; any when left out")
			@RequestParam(required = false) String state,
			@Parameter(description = "TITLE, REVIEW, EFFECTIVE or UPDATED (default)")
			@RequestParam(required = false) String sort,
			@Parameter(description = "the `next` of the page before; the first page when left out")
			@RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 25") @RequestParam(required = false) Integer size) {
		return library.list(DocumentQuery.of(categoryId, q, state, sort, cursor, size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a document (DOCUMENT_MANAGE)", description = "Kept by the caller's party. 400 naming "
			+ "the fields for a missing title or category, an unknown owner, party or unit.")
	DocumentLibrary.DocumentDetail create(@RequestBody DocumentDraft draft) {
		return library.detail(library.create(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A document with where it applies and its versions",
			description = "Drafts are listed to its keepers only, internal files never to a customer. 404 outside "
					+ "the caller's scope.")
	DocumentLibrary.DocumentDetail detail(@PathVariable long id) {
		return library.detail(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a document's particulars (DOCUMENT_MANAGE, its keeping party)")
	DocumentLibrary.DocumentDetail update(@PathVariable long id, @RequestBody DocumentDraft draft) {
		library.update(id, draft);
		return library.detail(id);
	}

	@PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a version as a file (DOCUMENT_MANAGE)",
			description = "PDF, Word (.docx, .doc) or Excel (.xlsx, .xls), judged by the bytes: 422 (`document-type`) "
					+ "for another type, (`document-type-mismatch`) for bytes that are not what the name says, "
					+ "(`document-too-large`) over the size limit (`yunwei.documents.max-bytes`). 409 while another "
					+ "version is a draft or pending.")
	DocumentVersion addFile(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) Boolean internal, @RequestParam(required = false) String changeNote,
			@Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) LocalDate effectiveDate) {
		long version = library.addVersion(id, new VersionDraft(null, internal, changeNote, effectiveDate),
				UploadedFile.of(file, files.maxBytes()));
		return library.version(id, version);
	}

	@PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a version as rich text (DOCUMENT_MANAGE)",
			description = "`body` is HTML kept within a small safe list (no script, style, frame or event handler). "
					+ "409 while another version is a draft or pending.")
	DocumentVersion addText(@PathVariable long id, @RequestBody VersionDraft draft) {
		return library.version(id, library.addVersion(id, draft, null));
	}

	@GetMapping("/{id}/versions/{versionId}")
	@Operation(summary = "One version's particulars")
	DocumentVersion version(@PathVariable long id, @PathVariable long versionId) {
		return library.version(id, versionId);
	}

	@GetMapping("/{id}/versions/{versionId}/content")
	@Operation(summary = "A version's content: the file as a download, or the rich text as HTML",
			description = "Each download of an internal file is audited.")
	ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long versionId) {
		VersionRecords.Content content = library.content(id, versionId);
		DocumentVersion v = content.version();
		if (v.file()) {
			return FileDownload.of(v.filename(), v.contentType(), v.sha256(), content.file());
		}
		return FileDownload.of("document-" + id + "-v" + v.number() + ".html", "text/html;charset=UTF-8", v.sha256(),
				content.body().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/{id}/versions/{versionId}/submit")
	@Operation(summary = "Submit a draft for approval under its category's policy (DOCUMENT_MANAGE)",
			description = "The version's SHA-256 is the approval's version hash. 409 for a version that is no draft.")
	ApprovalState submit(@PathVariable long id, @PathVariable long versionId) {
		return publication.submit(id, versionId);
	}

	@PostMapping("/{id}/versions/{versionId}/withdraw")
	@Operation(summary = "Withdraw a version's approval under way (DOCUMENT_MANAGE); it becomes a draft again",
			description = "409 for a version not pending.")
	ApprovalState withdraw(@PathVariable long id, @PathVariable long versionId) {
		return publication.withdraw(id, versionId);
	}

	@PutMapping("/{id}/versions/{versionId}/readers")
	@Operation(summary = "Who must confirm having read the version (DOCUMENT_MANAGE)",
			description = "People, roles and units; asked when the version is published, at once when it is. 400 "
					+ "naming the field for an unknown person, role or unit; 409 for a superseded version.")
	Acknowledgements.Status readers(@PathVariable long id, @PathVariable long versionId,
			@RequestBody ReadersDraft readers) {
		return acknowledgements.setReaders(id, versionId, readers);
	}

	@GetMapping("/{id}/versions/{versionId}/acknowledgements")
	@Operation(summary = "Who has and has not confirmed having read the version",
			description = "For the document's keepers, management and supervision; 403 for others.")
	Acknowledgements.Status acknowledgements(@PathVariable long id, @PathVariable long versionId) {
		return acknowledgements.status(id, versionId);
	}

	@GetMapping("/{id}/versions/{versionId}/acknowledgements/export")
	@Operation(summary = "The acknowledgement list as an Excel workbook (.xlsx)")
	ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable long versionId, Locale locale) {
		byte[] book = acknowledgements.export(id, versionId, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("acknowledgements-" + id + "-" + versionId + ".xlsx").build().toString())
			.body(book);
	}

	@PostMapping("/{id}/versions/{versionId}/acknowledge")
	@Operation(summary = "Confirm having read the current version (阅知确认)",
			description = "Anyone who reads it; a second confirmation keeps the first time. 409 for a version that "
					+ "is not current.")
	ResponseEntity<Void> acknowledge(@PathVariable long id, @PathVariable long versionId) {
		acknowledgements.acknowledge(id, versionId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/versions/{versionId}/remind")
	@Operation(summary = "Remind those who have not confirmed yet (DOCUMENT_MANAGE)")
	int remind(@PathVariable long id, @PathVariable long versionId) {
		return acknowledgements.remind(id, versionId);
	}

	@GetMapping("/to-read")
	@Operation(summary = "The caller's published versions still to confirm, oldest first")
	List<DocumentToRead> toRead(
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		int size = limit == null ? 50 : limit;
		if (size < 1 || size > 200) {
			throw org.yunwei.web.RejectedRequest.invalidField("limit", "document.query.size.invalid");
		}
		return acknowledgements.toRead(access.actor().userId(), size);
	}
}
