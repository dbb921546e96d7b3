package org.yunwei.ticket.internal.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.ticket.internal.attachment.AttachmentRecords;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.TicketNotices;

/**
 * Keeps the files of an e-mail with its ticket ({@code ticket_attachment}), within the service desk's limits
 * ({@link TicketSettings#attachmentMaxBytes()}, {@link TicketSettings#attachmentTypes()}). The files kept hang on one
 * timeline entry; the ones refused are named in an internal note, with why, so that an agent can ask for them.
 */
@Component
class MailAttachments {

	private final AttachmentRecords attachments;
	private final Timeline timeline;
	private final AuditTrail audit;
	private final TicketSettings settings;
	private final TicketNotices notices;

	MailAttachments(AttachmentRecords attachments, Timeline timeline, AuditTrail audit, TicketSettings settings,
			TicketNotices notices) {
		this.attachments = attachments;
		this.timeline = timeline;
		this.audit = audit;
		this.settings = settings;
		this.notices = notices;
	}

	/**
	 * Stores the files of a mail filed into a ticket.
	 *
	 * @param visibleToCustomer whether the customer sees the entry the files hang on
	 */
	void store(TicketRow ticket, MailInbound mail, boolean visibleToCustomer, Author author) {
		List<MailAttachment> kept = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (MailAttachment file : mail.attachments()) {
			String refusal = refusal(file);
			if (refusal == null) {
				kept.add(file);
			}
			else {
				refused.add(refusal);
			}
		}
		if (!kept.isEmpty()) {
			List<Map<String, Object>> files = kept.stream().map(MailAttachments::described).toList();
			long entry = timeline.append(ticket.id(), EntryKind.ATTACHMENT, visibleToCustomer, author.userId(),
					author.name(), String.join("\n", kept.stream().map(MailAttachment::filename).toList()),
					Map.of("source", "EMAIL", "files", files), null);
			for (MailAttachment file : kept) {
				attachments.insert(ticket.id(), entry, file.filename(), file.contentType(), file.content(), sha256(file),
						mail.fromAddress(), false);
			}
			audit.record(AuditEntry.of("TICKET_ATTACH", "ticket", ticket.id()).after(Map.of("files", files))
				.detail(ticket.number()).actor(author.auditActor()));
		}
		if (!refused.isEmpty()) {
			String note = notices.text("ticket.mail.attachments.refused", mail.sender()) + "\n"
					+ String.join("\n", refused);
			Author system = Author.system(notices.text("ticket.mail.author"));
			timeline.append(ticket.id(), EntryKind.NOTE, false, null, system.name(), note,
					Map.of("source", "EMAIL"), null);
			audit.record(AuditEntry.of("TICKET_NOTE", "ticket", ticket.id()).detail(ticket.number())
				.actor(system.auditActor()));
		}
	}

	/** Why a file is not kept, as a line of the note; {@code null} when it is kept. */
	private String refusal(MailAttachment file) {
		String name = file.filename();
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (file.tooLarge() || file.size() > settings.attachmentMaxBytes()) {
			return notices.text("ticket.mail.attachments.too-large", name, megabytes(settings.attachmentMaxBytes()));
		}
		if (!settings.attachmentTypes().contains(extension)) {
			return notices.text("ticket.mail.attachments.type", name, String.join(", ", settings.attachmentTypes()));
		}
		return null;
	}

	private static String megabytes(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
				: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	private static Map<String, Object> described(MailAttachment file) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("filename", file.filename());
		described.put("contentType", file.contentType());
		described.put("sizeBytes", file.size());
		return described;
	}

	private static String sha256(MailAttachment file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content()));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
