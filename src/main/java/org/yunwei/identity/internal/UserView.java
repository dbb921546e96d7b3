package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A user as administrators see them: never the password hash nor the TOTP secret. */
@Schema(name = "User")
record UserView(long id, @Schema(example = "zhangsan") String username,
		@Schema(example = "张三") String displayName, @Schema(example = "zhangsan@example.gov.cn") String email,
		@Schema(example = "13800138000") String phone,
		@Schema(description = "a phone number is stored but does not open with this installation's field key")
		boolean phoneUnreadable, long orgUnitId, String orgUnitName, long partyId,
		String partyName, @Schema(example = "CUSTOMER") String partyKind, boolean enabled,
		@Schema(description = "whether the account is locked now after failed sign-ins") boolean locked,
		@Schema(description = "until when it stays locked") Instant lockedUntil,
		boolean mustChangePassword, Instant lastSignInAt, Instant createdAt,
		@Schema(description = "an integration account or script: no interactive sign-in, tokens issued by an administrator")
		boolean serviceAccount,
		@Schema(example = "[\"SYSTEM_ADMIN\"]") List<String> roles) {
}
