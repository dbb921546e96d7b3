package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A custom role's new name, description and complete set of permissions. */
@Schema(name = "RoleChange")
record RoleChange(
		@Schema(example = "服务台组长", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(example = "管理服务台人员与岗位", maxLength = 500) String description,
		@ArraySchema(schema = @Schema(example = "POST_MANAGE")) List<String> permissions) {
}
