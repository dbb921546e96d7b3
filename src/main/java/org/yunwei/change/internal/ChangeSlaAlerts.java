package org.yunwei.change.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.notification.Notice;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaThresholdReached;

/**
 * What a change does when one of its SLA clocks passes its warning threshold (预警) or its target (超时): the
 * requester and the owners of its plan steps are told (topics {@code change.sla-warning}, {@code change.sla-breached};
 * the provider's group robots too), and the audit trail records it. Told once per change, clock and threshold, even
 * when the event registry delivers the event again after a crash. A change already past the clock's stage (approved,
 * implemented, closed, cancelled) is only recorded.
 */
@Component
class ChangeSlaAlerts {

	static final String WARNING_TOPIC = "change.sla-warning";
	static final String BREACH_TOPIC = "change.sla-breached";
	/**
	 * Said as the listeners' condition so that the event publication registry stores no publication for other
	 * modules' clocks (see TicketEscalation).
	 */
	static final String CHANGE_CLOCKS_ONLY = "#p0.subjectType() == '" + ChangeClocks.SUBJECT_TYPE + "'";
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ChangeRegister.ZONE);

	private final ChangeRecords changes;
	private final ChangeSlaRuleRecords alerts;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;

	ChangeSlaAlerts(ChangeRecords changes, ChangeSlaRuleRecords alerts, MessageSource messages,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.changes = changes;
		this.alerts = alerts;
		this.messages = messages;
		this.events = events;
		this.audit = audit;
	}

	@ApplicationModuleListener(condition = CHANGE_CLOCKS_ONLY)
	void on(SlaThresholdReached event) {
		handle(event.subjectId(), event.kind(), event.percent(), event.deadline());
	}

	@ApplicationModuleListener(condition = CHANGE_CLOCKS_ONLY)
	void on(SlaBreached event) {
		handle(event.subjectId(), event.kind(), 100, event.deadline());
	}

	void handle(String subjectId, ClockKind kind, int percent, Instant deadline) {
		long id;
		try {
			id = Long.parseLong(subjectId);
		}
		catch (NumberFormatException notOurs) {
			return;
		}
		ChangeRequest change = changes.findForUpdate(id).orElse(null);
		String clock = ChangeClocks.name(kind);
		if (change == null || !alerts.alerted(id, clock, percent)) {
			return;
		}
		boolean breach = percent >= 100;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("clock", clock);
		details.put("percent", percent);
		details.put("deadline", deadline.toString());
		boolean pending = kind == ClockKind.RESPONSE ? change.status() == ChangeStatus.SUBMITTED
				: change.status() == ChangeStatus.IMPLEMENTING;
		Set<Long> told = new LinkedHashSet<>();
		if (pending) {
			told.add(change.requesterId());
			change.steps().forEach(step -> told.add(step.ownerId()));
			String clockName = text("change.sla.clock." + clock);
			String subject = text(breach ? "change.notice.sla-breached" : "change.notice.sla-warning",
					change.number(), clockName);
			String body = text(breach ? "change.notice.sla-breached.body" : "change.notice.sla-warning.body",
					change.number(), change.title(), clockName, percent, TIME.format(deadline));
			events.publishEvent(new Notice(breach ? BREACH_TOPIC : WARNING_TOPIC, subject, body,
					"/changes/" + id, told, Set.of(), change.providerPartyId()));
		}
		details.put("notified", told.size());
		audit.record(AuditEntry.of(breach ? "CHANGE_SLA_BREACHED" : "CHANGE_SLA_WARNING", "change", id)
			.after(details).detail(change.number()).actor("SLA"));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
