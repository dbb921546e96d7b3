package org.yunwei.approval.internal;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request waiting for a person's decision, as their inbox lists it.
 *
 * @param onBehalfOf the approver the person would decide for (a delegator or an absent post holder); {@code null}
 *        when it is their own
 */
@Schema(name = "ApprovalInboxItem")
public record InboxItem(long requestId, @Schema(example = "document-version") String subjectType, long subjectId,
		@Schema(example = "服务台管理制度 第3版") String summary, @Schema(example = "/documents/12") String link,
		long requesterId, String requesterName, int stagePosition, String stageName, Instant waitingSince,
		Instant dueAt, Long onBehalfOf) {
}
