package org.yunwei.document.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.notification.Notice;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tells each published document's owner when its review comes due ({@code yunwei.documents.review-notice}, 14 days
 * ahead by default), once per review date: a new review date brings a new reminder. Runs once a day per cluster.
 */
@Component
class ReviewReminders {

	private static final int BATCH = 500;

	private final DocumentRecords documents;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final Clock clock;
	private final int noticeDays;

	ReviewReminders(DocumentRecords documents, ApplicationEventPublisher events, MessageSource messages,
			AuditTrail audit, @Value("${yunwei.documents.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${yunwei.documents.review-notice-days:14}") int noticeDays) {
		this.documents = documents;
		this.events = events;
		this.messages = messages;
		this.audit = audit;
		this.clock = Clock.system(zone);
		this.noticeDays = noticeDays;
	}

	@Scheduled(cron = "${yunwei.documents.review-cron:0 30 8 * * *}", zone = "${yunwei.documents.zone:Asia/Shanghai}")
	@SchedulerLock(name = "document-review-reminders", lockAtMostFor = "PT10M")
	void onSchedule() {
		remind(LocalDate.now(clock));
	}

	/** Reminds the owners of the documents due for review by {@code today} plus the notice; how many were told. */
	@Transactional
	int remind(LocalDate today) {
		List<DocumentRecords.Row> due = documents.reviewDue(today.plusDays(noticeDays), BATCH);
		for (DocumentRecords.Row row : due) {
			String key = row.reviewDate().isBefore(today) ? "document.notice.review.overdue"
					: "document.notice.review.due";
			events.publishEvent(new Notice("document.review", text(key, row.title(), row.reviewDate()),
					text("document.notice.review.body", row.title(), row.reviewDate()), "/documents/" + row.id(),
					Set.of(row.ownerId()), null, null));
			documents.reminded(row.id(), row.reviewDate());
			audit.record(AuditEntry.of("DOCUMENT_REVIEW_REMINDED", "document", row.id()).actor("system")
				.after(Map.of("reviewDate", row.reviewDate(), "ownerId", row.ownerId()))
				.detail(row.title()));
		}
		return due.size();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
