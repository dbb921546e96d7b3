package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A group robot as the API and the pages show it: the webhook address masked, the secret only as whether one is set.
 */
@Schema(name = "NotificationRobot")
record RobotView(long id, String name, RobotKind kind,
		@Schema(example = "https://oapi.dingtalk.com/…a1b2") String maskedUrl, boolean secretSet, List<String> topics,
		Long partyId, @Schema(description = "the party's name; null for every party") String partyName,
		boolean enabled, Instant createdAt, Instant updatedAt) {
}
