package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One in-app notification of the person asking.
 *
 * @param link the path in the application that shows what happened; {@code null} for none
 * @param readAt {@code null} while unread
 */
@Schema(name = "Notification")
record NotificationView(long id, @Schema(example = "ticket.assigned") String topic,
		@Schema(example = "[INC-20261122-0001] 已分派给您：打印机无法打印") String subject, String body,
		@Schema(example = "/tickets/42") String link, Instant createdAt, Instant readAt, boolean read) {
}
