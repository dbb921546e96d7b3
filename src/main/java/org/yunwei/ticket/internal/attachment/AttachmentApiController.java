package org.yunwei.ticket.internal.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Ticket attachments", description = "附件: files on a ticket. Whoever sees the ticket sees its files, "
		+ "except that the customer never sees internal ones (内部附件: 404 as for a file that does not exist); its "
		+ "agents and its customer attach them while it is not closed.")
class AttachmentApiController {

	private final AttachmentUploads uploads;
	private final AttachmentPolicy policy;

	AttachmentApiController(AttachmentUploads uploads, AttachmentPolicy policy) {
		this.uploads = uploads;
		this.policy = policy;
	}

	@PostMapping(path = "/api/v1/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a file (multipart/form-data, part `file`)",
			description = "Accepted types and the largest size are set by `yunwei.tickets.attachment-types` and "
					+ "`attachment-max-bytes` (default 10 MB). A missing, empty, unnamed or mistyped file is 400 "
					+ "(`attachment-type` for a refused extension or content that is not what the extension says), a "
					+ "file too large 413 (`attachment-too-large`); nothing is stored then. The SHA-256 of the content "
					+ "is kept and returned; an ATTACHMENT entry joins the timeline. `internal=true` (agents only, 403 for "
					+ "a customer) keeps the file and its timeline entry from the customer.")
	AttachmentView attach(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
							requiredProperties = "file", description = "the file in the part named `file`")))
			@RequestParam(name = "file", required = false) MultipartFile file,
			@Parameter(description = "true: for the provider's side only, never shown to the customer")
			@RequestParam(required = false) Boolean internal) {
		return uploads.attach(id, AttachmentUpload.of(file, policy.maxBytes()), Boolean.TRUE.equals(internal));
	}

	@GetMapping("/api/v1/tickets/{id}/attachments")
	@Operation(summary = "The files of a ticket, oldest first, without their content",
			description = "A customer's list leaves out the internal files.")
	List<AttachmentView> list(@PathVariable long id) {
		return uploads.list(id);
	}

	@GetMapping("/api/v1/tickets/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download a file",
			description = "Always `Content-Disposition: attachment` with the original name, the type of its "
					+ "extension and `X-Content-Type-Options: nosniff`; the ETag is the SHA-256.")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentDownload.of(uploads.file(id, attachmentId));
	}
}
