package org.yunwei.knowledge.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.knowledge.internal.ArticleAttachmentRecords.ArticleAttachment;
import org.yunwei.knowledge.internal.ArticleAttachmentRecords.ArticleAttachmentFile;
import org.yunwei.web.FileDownload;
import org.yunwei.web.UploadedFile;

@RestController
@RequestMapping("/api/v1/knowledge/articles/{id}/attachments")
@Tag(name = "Knowledge attachments", description = "附件: files on an article. Whoever reads the article sees its "
		+ "files, except internal ones, which its party's staff and supervision alone see (404 for anyone else, as for "
		+ "a file that does not exist; every download of one is audited). KNOWLEDGE_MANAGE attaches and removes files "
		+ "of its party's articles while they are drafts or published.")
class ArticleAttachmentApiController {

	private final ArticleAttachments attachments;

	ArticleAttachmentApiController(ArticleAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a file (multipart/form-data, part `file`)",
			description = "Accepted: pdf, png, jpg, jpeg, gif, txt, log, csv, doc, docx, xls, xlsx, ppt, pptx, zip, at "
					+ "most 10 MB. A missing, empty, unnamed or mistyped file is 400 on the field `file` "
					+ "(`attachment-type` for a refused extension or content that is not what the extension says), a "
					+ "file too large 413 (`attachment-too-large`), an article in review or retired 409; nothing is "
					+ "stored then. The SHA-256 of the content is kept and returned.")
	ArticleAttachment attach(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
							requiredProperties = "file", description = "the file in the part named `file`")))
			@RequestParam(name = "file", required = false) MultipartFile file,
			@Parameter(description = "true: for the article's party's staff and supervision only")
			@RequestParam(required = false) Boolean internal) {
		return attachments.attach(id, UploadedFile.of(file, ArticleAttachments.MAX_BYTES),
				Boolean.TRUE.equals(internal));
	}

	@GetMapping
	@Operation(summary = "The files of an article, oldest first, without their content",
			description = "A reader outside the article's party (a customer) does not see the internal ones.")
	List<ArticleAttachment> list(@PathVariable long id) {
		return attachments.list(id);
	}

	@GetMapping("/{attachmentId}")
	@Operation(summary = "Download a file",
			description = "Always `Content-Disposition: attachment` with the stored name, the type of its extension "
					+ "and `X-Content-Type-Options: nosniff`; the ETag is the SHA-256. An internal file's download is "
					+ "audited.")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return send(attachments.download(id, attachmentId));
	}

	@DeleteMapping("/{attachmentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a file", description = "409 while the article is in review or retired.")
	void remove(@PathVariable long id, @PathVariable long attachmentId) {
		attachments.remove(id, attachmentId);
	}

	static ResponseEntity<byte[]> send(ArticleAttachmentFile file) {
		ArticleAttachment a = file.attachment();
		return FileDownload.of(a.filename(), a.contentType(), a.sha256(), file.content());
	}
}
