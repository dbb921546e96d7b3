package org.yunwei.knowledge.internal;

import java.time.LocalDate;
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
 * Tells each published article's owner when its review comes due ({@code yunwei.knowledge.review-notice-days}, 14
 * days ahead by default), once per review date: a new review date brings a new reminder. Runs once a day per cluster.
 */
@Component
class KnowledgeReviewReminders {

	private static final int BATCH = 500;

	private final ArticleRecords articles;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final int noticeDays;

	KnowledgeReviewReminders(ArticleRecords articles, ApplicationEventPublisher events, MessageSource messages,
			AuditTrail audit, @Value("${yunwei.knowledge.review-notice-days:14}") int noticeDays) {
		this.articles = articles;
		this.events = events;
		this.messages = messages;
		this.audit = audit;
		this.noticeDays = noticeDays;
	}

	@Scheduled(cron = "${yunwei.knowledge.review-cron:0 40 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "knowledge-review-reminders", lockAtMostFor = "PT10M")
	void onSchedule() {
		remind(LocalDate.now(ArticleReading.ZONE));
	}

	/** Reminds the owners of the articles due for review by {@code today} plus the notice; how many were told. */
	@Transactional
	int remind(LocalDate today) {
		List<ArticleRecords.ReviewDue> due = articles.reviewDue(today.plusDays(noticeDays), BATCH);
		for (ArticleRecords.ReviewDue article : due) {
			String key = article.reviewDate().isBefore(today) ? "knowledge.notice.review.overdue"
					: "knowledge.notice.review.due";
			events.publishEvent(new Notice("knowledge.review", text(key, article.title(), article.reviewDate()),
					text("knowledge.notice.review.body", article.title(), article.reviewDate()),
					"/knowledge/" + article.id(), Set.of(article.ownerId()), null, null));
			articles.reminded(article.id(), article.reviewDate());
			audit.record(AuditEntry.of("KNOWLEDGE_REVIEW_REMINDED", "knowledge_article", article.id()).actor("system")
				.after(Map.of("reviewDate", article.reviewDate(), "ownerId", article.ownerId()))
				.detail(article.title()));
		}
		return due.size();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
