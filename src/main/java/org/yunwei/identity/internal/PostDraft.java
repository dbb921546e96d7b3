package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A post as submitted for creation or change: holder and backup are two different users of the unit's party. */
@Schema(name = "PostDraft")
record PostDraft(
		@Schema(example = "40", requiredMode = Schema.RequiredMode.REQUIRED) Long orgUnitId,
		@Schema(example = "服务台值班员", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "受理并登记服务请求，跟踪处理进度", maxLength = 2000,
				requiredMode = Schema.RequiredMode.REQUIRED) String responsibilities,
		@Schema(example = "101", description = "the user who holds the post") Long holderId,
		@Schema(example = "102", description = "the backup person (岗位备份), not the holder") Long backupId) {
}
