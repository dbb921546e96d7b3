package org.yunwei.approval.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.notification.Notice;

/**
 * Tells people what an approval asks of them through the notification module (in the application, by e-mail and to
 * the robots that follow {@code approval.} topics): the approvers of a stage that starts, a reminder, an escalation,
 * and the requester when the request ends. Texts are in the installation's language (zh-CN); the link is the
 * request's page.
 */
@Component
public class ApprovalNotices {

	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	ApprovalNotices(ApplicationEventPublisher events, MessageSource messages) {
		this.events = events;
		this.messages = messages;
	}

	public void waiting(ApprovalRequest request, String stageName, Collection<Long> approverIds) {
		publish("approval.waiting", request, text("approval.notice.waiting.body", stageName, request.summary()),
				approverIds);
	}

	public void reminder(ApprovalRequest request, String stageName, Collection<Long> approverIds) {
		publish("approval.reminder", request, text("approval.notice.reminder.body", stageName, request.summary()),
				approverIds);
	}

	public void escalated(ApprovalRequest request, String stageName, Collection<Long> leadIds) {
		publish("approval.escalated", request, text("approval.notice.escalated.body", stageName, request.summary()),
				leadIds);
	}

	public void ended(ApprovalRequest request, ApprovalOutcome outcome, String reason) {
		String body = text("approval.notice.ended.body", request.summary(),
				text("approval.outcome." + outcome.name()), reason == null ? "" : reason);
		publish("approval.ended", request, body, Set.of(request.requesterId()));
	}

	private void publish(String topic, ApprovalRequest request, String body, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		String subject = text("approval.notice." + topic.substring("approval.".length())) + ": " + request.summary();
		events.publishEvent(new Notice(topic, subject, body, "/approvals/" + request.id(), Set.copyOf(userIds),
				Set.of(), null));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
