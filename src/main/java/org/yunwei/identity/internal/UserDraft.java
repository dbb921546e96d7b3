package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new user with an initial password, which they must change at their first sign-in. */
@Schema(name = "UserDraft")
record UserDraft(
		@Schema(example = "zhangsan", pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{1,49}$",
				requiredMode = Schema.RequiredMode.REQUIRED) String username,
		@Schema(example = "张三", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
		@Schema(example = "zhangsan@example.gov.cn", maxLength = 200) String email,
		@Schema(example = "13800138000", maxLength = 30) String phone,
		@Schema(example = "40", requiredMode = Schema.RequiredMode.REQUIRED) Long orgUnitId,
		@Schema(example = "Initial#2026", description = "initial password: at least 8 characters of 3 classes",
				requiredMode = Schema.RequiredMode.REQUIRED) String password) {
}
