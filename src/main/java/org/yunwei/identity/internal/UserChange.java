package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A user's new profile; the user name never changes, the audit trail names people by it. */
@Schema(name = "UserChange")
record UserChange(
		@Schema(example = "张三", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
		@Schema(example = "zhangsan@example.gov.cn", maxLength = 200) String email,
		@Schema(example = "13800138000", maxLength = 30) String phone,
		@Schema(example = "40", requiredMode = Schema.RequiredMode.REQUIRED) Long orgUnitId) {
}
