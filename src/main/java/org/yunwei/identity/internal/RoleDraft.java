package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A custom role. Its code never changes once created; name, description and permissions may. */
@Schema(name = "RoleDraft")
record RoleDraft(
		@Schema(example = "DESK_LEAD", maxLength = 50, requiredMode = Schema.RequiredMode.REQUIRED) String code,
		@Schema(example = "服务台组长", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "管理服务台人员与岗位", maxLength = 500) String description,
		@ArraySchema(schema = @Schema(example = "USER_READ",
				description = "a permission; AUDIT_READ and AUDIT_EXPORT are reserved for built-in roles")) List<String> permissions) {
}
