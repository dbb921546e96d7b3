package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A group robot as submitted for creation or change. On change an omitted {@code url} or {@code secret} keeps the
 * stored one (neither is ever sent back); {@code removeSecret} takes the secret away.
 */
@Schema(name = "NotificationRobotDraft")
record RobotDraft(
		@Schema(example = "运维值班群（钉钉）", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "DINGTALK", allowableValues = { "DINGTALK", "WECOM", "FEISHU" },
				requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(example = "https://oapi.dingtalk.com/robot/send?access_token=…", maxLength = 2000,
				description = "the webhook address: https, or http to an intranet host (a private or loopback address, "
						+ "or a host name without a dot); required on creation, write-only") String url,
		@Schema(example = "SEC…", maxLength = 200, description = "the signing secret (加签) of a DingTalk or Feishu "
				+ "robot; write-only") String secret,
		@Schema(description = "on change: remove the signing secret") Boolean removeSecret,
		@Schema(example = "[\"ticket.sla-breached\", \"ticket.escalated\"]",
				description = "topics the robot hears of: exact (ticket.assigned), a prefix ending in a dot (ticket.) "
						+ "or * for all; 1 to 20") List<String> topics,
		@Schema(example = "3", description = "only notices of this party; omitted: notices of every party") Long partyId,
		@Schema(description = "true when omitted") Boolean enabled) {
}
