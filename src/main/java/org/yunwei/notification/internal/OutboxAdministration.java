package org.yunwei.notification.internal;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The outbox as its keepers see it: whether e-mail can go out at all, how much is waiting, sent or given up, which
 * deliveries failed and why; and a retry of a failed one. Within the same scope as the robots: management sees all,
 * anyone else the deliveries of their own party's notices.
 */
@Service
@PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
class OutboxAdministration {

	private final Outbox outbox;
	private final MailGateway mail;
	private final Actors actors;
	private final AuditTrail audit;

	OutboxAdministration(Outbox outbox, MailGateway mail, Actors actors, AuditTrail audit) {
		this.outbox = outbox;
		this.mail = mail;
		this.actors = actors;
		this.audit = audit;
	}

	public Summary summary() {
		return new Summary(mail.configured(), outbox.counts(actors.scope()));
	}

	/**
	 * @param status {@code PENDING}, {@code HELD}, {@code SENT} or {@code FAILED}; all when blank
	 */
	public KeysetPage<OutboxView> page(String status, Paging paging) {
		Outbox.Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = Outbox.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				new FieldErrors().add("status", "notification.outbox.status.invalid").throwIfAny();
			}
		}
		return KeysetPage.of(outbox.page(wanted, paging.beforeId(), paging.limit() + 1, actors.scope()),
				paging.limit(), row -> Paging.cursorAfter(row.id()));
	}

	/** Tries a delivery again at the next send, with its tries counted afresh; 422 when it was already sent. */
	@Transactional
	public OutboxView retry(long id) {
		DataScope scope = actors.writableScope();
		OutboxView before = outbox.find(id, scope).orElseThrow(() -> RejectedRequest.notFound("notification-outbox"));
		if (!outbox.retry(id)) {
			throw RejectedRequest.unprocessable("already-sent", "notification.outbox.already-sent");
		}
		OutboxView after = outbox.find(id, scope).orElseThrow();
		audit.record(AuditEntry.of("NOTIFICATION_OUTBOX_RETRY", "notification_outbox", id)
			.before(Map.of("status", before.status().name(), "attempts", before.attempts()))
			.after(Map.of("status", after.status().name(), "attempts", after.attempts())));
		return after;
	}

	/**
	 * @param mailConfigured false while no mail server is configured ({@code spring.mail.host}): e-mail is held
	 * @param counts deliveries by status
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "NotificationOutboxSummary")
	record Summary(boolean mailConfigured, Map<Outbox.Status, Long> counts) {
	}
}
