package org.yunwei.ticket.internal.attachment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * Attaches files to tickets and hands them out. Whoever may work a ticket, or its customer, may attach to it while it
 * is not closed; whoever sees the ticket sees and downloads its files, except that an agent may mark a file internal
 * (内部附件): its customer then never sees it listed and cannot download it (404, as for a file that does not exist).
 * A file is checked ({@link AttachmentPolicy}) before anything is written, then stored with its SHA-256, a timeline
 * entry (public unless the file is internal) and an audit entry in one transaction.
 */
@Service
public class AttachmentUploads {

	private final TicketAccess access;
	private final Actors actors;
	private final AttachmentPolicy policy;
	private final AttachmentRecords records;
	private final TicketRecords tickets;
	private final Timeline timeline;
	private final AuditTrail audit;

	AttachmentUploads(TicketAccess access, Actors actors, AttachmentPolicy policy, AttachmentRecords records,
			TicketRecords tickets, Timeline timeline, AuditTrail audit) {
		this.access = access;
		this.actors = actors;
		this.policy = policy;
		this.records = records;
		this.tickets = tickets;
		this.timeline = timeline;
		this.audit = audit;
	}

	@Transactional
	public AttachmentView attach(long ticketId, AttachmentUpload upload) {
		return attach(ticketId, upload, false);
	}

	/** Attaches a file, internal (agents only: 403 for a customer) or for the customer to see too. */
	@Transactional
	public AttachmentView attach(long ticketId, AttachmentUpload upload, boolean internal) {
		Actor actor = actors.current();
		boolean customer = actor.partyKind() == PartyKind.CUSTOMER;
		if (customer && internal) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
		TicketRow ticket = access.lockFor(TicketAction.ATTACH, ticketId);
		TicketAction.ATTACH.requireFrom(ticket.status());
		policy.check(upload);
		String name = AttachmentPolicy.cleanName(upload.filename());
		String sha256 = sha256(upload.content());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("filename", name);
		details.put("sizeBytes", upload.content().length);
		details.put("sha256", sha256);
		details.put("internal", internal);
		long entry = timeline.append(ticketId, EntryKind.ATTACHMENT, !internal, actor.userId(), actor.displayName(),
				null, details, null);
		long id = records.insert(ticketId, entry, name, policy.contentType(name), upload.content(), sha256,
				actor.displayName(), internal);
		tickets.update(ticket, TicketTime.now());
		details.put("attachmentId", id);
		audit.record(AuditEntry.of("TICKET_ATTACHMENT_ADDED", "ticket", ticketId).after(details)
			.detail(ticket.number()));
		return records.of(ticketId, true).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** The attachments of a ticket the signed-in person sees; a customer's without the internal ones. */
	@Transactional(readOnly = true)
	public List<AttachmentView> list(long ticketId) {
		access.visible(ticketId);
		return records.of(ticketId, seesInternal());
	}

	@Transactional(readOnly = true)
	public AttachmentFile file(long ticketId, long attachmentId) {
		access.visible(ticketId);
		return records.file(ticketId, attachmentId, seesInternal())
			.orElseThrow(() -> RejectedRequest.notFound("attachment"));
	}

	/** The service desk's side with a ticket role: agents and reporting, never a customer. */
	boolean seesInternal() {
		return access.isAgent();
	}

	static String sha256(byte[] content) {
		return UploadedFile.sha256(content);
	}
}
