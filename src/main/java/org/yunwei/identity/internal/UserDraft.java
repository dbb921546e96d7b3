package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A new user with an initial password, which they must change at their first sign-in, and optionally the roles
 * given to them in the same step (only by someone who may give roles, ROLE_ASSIGN, under the same rules as
 * {@link RoleAssignments}).
 */
@Schema(name = "UserDraft")
record UserDraft(
		@Schema(example = "zhangsan", pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{1,49}$",
				requiredMode = Schema.RequiredMode.REQUIRED) String username,
		@Schema(example = "张三", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
		@Schema(example = "zhangsan@example.gov.cn", maxLength = 200) String email,
		@Schema(example = "13800138000", maxLength = 30) String phone,
		@Schema(example = "40", requiredMode = Schema.RequiredMode.REQUIRED) Long orgUnitId,
		@Schema(example = "Initial#2026", description = "initial password: at least 8 characters of 3 classes; "
				+ "not for a service account, which never signs in with one") String password,
		@Schema(example = "false", description = "an integration account or script (Alertmanager, Zabbix, a "
				+ "report): it cannot sign in interactively and works with tokens the security administrator "
				+ "issues through POST /api/v1/users/{id}/tokens") Boolean serviceAccount,
		@ArraySchema(schema = @Schema(example = "SERVICE_DESK_AGENT"),
				arraySchema = @Schema(description = "roles given at once; needs ROLE_ASSIGN, an administrative role "
						+ "waits for a second officer's confirmation")) List<String> roles) {

	static UserDraft empty() {
		return new UserDraft(null, null, null, null, null, null, false, List.of());
	}

	/** The same draft without the password, which is never sent back to the browser. */
	UserDraft withoutPassword() {
		return new UserDraft(username, displayName, email, phone, orgUnitId, null, serviceAccount, roles);
	}

	boolean isServiceAccount() {
		return Boolean.TRUE.equals(serviceAccount);
	}

	boolean givesRoles() {
		return roles != null && !roles.isEmpty();
	}
}
