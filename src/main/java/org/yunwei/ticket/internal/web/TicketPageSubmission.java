package org.yunwei.ticket.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.ticket.internal.attachment.AttachmentPolicy;
import org.yunwei.ticket.internal.attachment.AttachmentUpload;
import org.yunwei.ticket.internal.attachment.AttachmentUploads;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.web.RejectedRequest;

/**
 * A new ticket from a page's form, with the file chosen beside it: both or neither. The file is checked first and its
 * mistake is reported together with the form's own, so that one submit shows everything to fix.
 */
@Service
class TicketPageSubmission {

	private final TicketIntake intake;
	private final AttachmentUploads uploads;
	private final AttachmentPolicy policy;

	TicketPageSubmission(TicketIntake intake, AttachmentUploads uploads, AttachmentPolicy policy) {
		this.intake = intake;
		this.uploads = uploads;
		this.policy = policy;
	}

	/** @param upload {@code null} when no file was chosen */
	@Transactional
	TicketRow submit(TicketDraft draft, boolean viaPortal, AttachmentUpload upload) {
		Optional<RejectedRequest> fileRefused = upload == null ? Optional.empty() : policy.refusal(upload);
		TicketRow ticket;
		try {
			ticket = intake.submit(draft, viaPortal);
		}
		catch (RejectedRequest refused) {
			if (fileRefused.isEmpty() || refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
			errors.putAll(fileRefused.get().fieldErrors());
			throw RejectedRequest.invalidFields(errors);
		}
		if (fileRefused.isPresent()) {
			throw fileRefused.get();
		}
		if (upload != null) {
			uploads.attach(ticket.id(), upload);
		}
		return ticket;
	}
}
