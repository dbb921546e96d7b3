package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One e-mail or robot message of the outbox as an administrator sees it. The content is not shown: the subject
 * tells what it was about.
 *
 * @param recipient the e-mail address, or the robot's name
 * @param lastError why the last try failed, as the mail server or the robot said; {@code null} after success
 * @param nextAttemptAt when it is tried next, while {@code PENDING}
 */
@Schema(name = "NotificationOutboxEntry")
record OutboxView(long id, Outbox.Channel channel, String recipient, Long robotId, String topic, String subject,
		Outbox.Status status, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
		Instant sentAt, Instant createdAt) {
}
